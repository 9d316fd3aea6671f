namespace Fixxit.Checklist.Specs.Coverage;

/// <summary>A scenario as written in a feature file: title, all its tags (feature tags included), examples rows.</summary>
public sealed record FeatureScenario(string FeatureFile, string Title, IReadOnlySet<string> Tags, int Rows);

/// <summary>Reads scenario titles and tags from feature files (enough for coverage; Gherkin itself is parsed by the build).</summary>
public static class FeatureScenarios
{
    public static IReadOnlyList<FeatureScenario> Read(string folder)
    {
        var found = new List<FeatureScenario>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            found.AddRange(Parse(Path.GetFileName(file), File.ReadAllText(file)));
        }

        return found;
    }

    public static IReadOnlyList<FeatureScenario> Parse(string fileName, string text)
    {
        var scenarios = new List<(string Title, HashSet<string> Tags, int Rows)>();
        var featureTags = new HashSet<string>(StringComparer.Ordinal);
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var inExamples = false;
        var sawHeader = false;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('@'))
            {
                pending.UnionWith(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.TrimStart('@')));
            }
            else if (line.StartsWith("Feature:", StringComparison.Ordinal))
            {
                featureTags.UnionWith(pending);
                pending.Clear();
            }
            else if (line.StartsWith("Scenario:", StringComparison.Ordinal) || line.StartsWith("Scenario Outline:", StringComparison.Ordinal))
            {
                var title = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                scenarios.Add((title, [.. featureTags, .. pending], line.StartsWith("Scenario:", StringComparison.Ordinal) ? 1 : 0));
                pending.Clear();
                inExamples = false;
            }
            else if (line.StartsWith("Examples:", StringComparison.Ordinal))
            {
                inExamples = true;
                sawHeader = false;
            }
            else if (inExamples && line.StartsWith('|'))
            {
                if (sawHeader) scenarios[^1] = scenarios[^1] with { Rows = scenarios[^1].Rows + 1 };
                sawHeader = true;
            }
        }

        return [.. scenarios.Select(s => new FeatureScenario(fileName, s.Title, s.Tags, s.Rows))];
    }
}
