using Fixxit.Gherkin.NUnit.Checklists;

namespace Fixxit.Checklist.Specs.Coverage;

/// <summary>Compares the plan's checklist lines with the checklist map and the feature files; returns every gap.</summary>
public static class ChecklistCoverage
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<PlanLine> plan, ChecklistDefinition map, IReadOnlyList<FeatureScenario> scenarios)
    {
        var problems = new List<string>();
        foreach (var line in plan)
        {
            var rows = map.Lines.Where(r => string.Equals(r.Text, line.Text, StringComparison.Ordinal)).ToList();
            if (rows.Count == 0)
            {
                problems.Add($"deployment-plan.md:{line.LineNumber}: \"{line.Text}\" ({line.Section}) has no row in {map.Source}");
                continue;
            }

            if (rows.All(r => r.Scenarios.Count == 0)) problems.Add($"{map.Source}:{rows[0].LineNumber}: \"{line.Text}\" names no scenario");
            foreach (var row in rows.Where(r => r.Section != line.Section))
            {
                problems.Add($"{map.Source}:{row.LineNumber}: \"{line.Text}\" is in section \"{row.Section}\", the plan has it in \"{line.Section}\"");
            }
        }

        foreach (var row in map.Lines)
        {
            if (!plan.Any(l => l.Text == row.Text)) problems.Add($"{map.Source}:{row.LineNumber}: \"{row.Text}\" is not a line of the plan's checklist");
            foreach (var reference in row.Scenarios)
            {
                if (!scenarios.Any(s => reference.IsFeature(s.FeatureFile) && s.Title == reference.Title))
                    problems.Add($"{map.Source}:{row.LineNumber}: no scenario \"{reference.Title}\" in features/Features/{reference.FeatureFile}");
            }
        }

        return problems;
    }
}
