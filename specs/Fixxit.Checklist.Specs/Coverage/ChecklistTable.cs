namespace Fixxit.Checklist.Specs.Coverage;

/// <summary>One row of docs/checklist.md: a plan line and the scenarios (feature file + title) that check it.</summary>
public sealed record ChecklistRow(string PlanText, string Section, IReadOnlyList<(string FeatureFile, string Scenario)> Scenarios, int LineNumber);

/// <summary>Reads the table of docs/checklist.md: "| plan line | section | file.feature: title&lt;br&gt;… |".</summary>
public static class ChecklistTable
{
    public static IReadOnlyList<ChecklistRow> Rows(string markdown)
    {
        var rows = new List<ChecklistRow>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('|') || line.StartsWith("|---", StringComparison.Ordinal) || line.StartsWith("| Plan line", StringComparison.Ordinal)) continue;
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 3) throw new FormatException($"docs/checklist.md:{i + 1}: a row needs three cells (plan line | section | scenarios)");
            var scenarios = cells[2].Split("<br>", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s =>
                {
                    var colon = s.IndexOf(": ", StringComparison.Ordinal);
                    if (colon < 0) throw new FormatException($"docs/checklist.md:{i + 1}: '{s}' is not 'File.feature: scenario title'");
                    return (s[..colon].Trim(), s[(colon + 2)..].Trim());
                })
                .ToList();
            rows.Add(new ChecklistRow(cells[0], cells[1], scenarios, i + 1));
        }

        return rows;
    }
}
