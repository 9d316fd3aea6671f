namespace Fixxit.Gherkin.NUnit.Checklists;

/// <summary>
/// Reads a checklist file: a Markdown table whose rows are "| line | section | File.feature: scenario title&lt;br&gt;… |"
/// (the first row is the header, the "|---|" row below it is skipped; text outside the table is ignored, so the file
/// can explain itself). A malformed row is an error naming the file and line.
/// </summary>
public static class ChecklistFile
{
    public static ChecklistDefinition Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var found = new List<ChecklistLine>();
        var sawHeader = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('|'))
            {
                sawHeader = false; // a new table starts with its own header
                continue;
            }

            if (!sawHeader)
            {
                sawHeader = true;
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':'))) continue;
            var where = $"{source}:{i + 1}";
            if (cells.Length != 3) throw new FormatException($"{where}: a row needs three cells (line | section | scenarios), found {cells.Length}");
            if (cells[0].Length == 0) throw new FormatException($"{where}: the line's text is empty");
            if (cells[1].Length == 0) throw new FormatException($"{where}: \"{cells[0]}\" has no section");
            var scenarios = cells[2].Split("<br>", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => Reference(s, where))
                .ToList();
            found.Add(new ChecklistLine(cells[0], cells[1], scenarios, i + 1));
        }

        return new ChecklistDefinition(source, found);
    }

    private static ScenarioReference Reference(string cell, string where)
    {
        var colon = cell.IndexOf(": ", StringComparison.Ordinal);
        var file = colon < 0 ? string.Empty : cell[..colon].Trim();
        if (!file.EndsWith(".feature", StringComparison.Ordinal) || cell[(colon + 2)..].Trim().Length == 0)
        {
            throw new FormatException($"{where}: '{cell}' is not 'File.feature: scenario title'");
        }

        return new ScenarioReference(file, cell[(colon + 2)..].Trim());
    }
}
