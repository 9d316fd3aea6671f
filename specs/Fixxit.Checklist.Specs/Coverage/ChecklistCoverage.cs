namespace Fixxit.Checklist.Specs.Coverage;

/// <summary>Compares the plan's checklist lines with docs/checklist.md and the feature files; returns every gap.</summary>
public static class ChecklistCoverage
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<PlanLine> plan, IReadOnlyList<ChecklistRow> table, IReadOnlyList<FeatureScenario> scenarios)
    {
        var problems = new List<string>();
        foreach (var line in plan)
        {
            var rows = table.Where(r => string.Equals(r.PlanText, line.Text, StringComparison.Ordinal)).ToList();
            if (rows.Count == 0)
            {
                problems.Add($"deployment-plan.md:{line.LineNumber}: \"{line.Text}\" ({line.Section}) has no row in docs/checklist.md");
                continue;
            }

            if (rows.All(r => r.Scenarios.Count == 0)) problems.Add($"docs/checklist.md:{rows[0].LineNumber}: \"{line.Text}\" names no scenario");
        }

        foreach (var row in table)
        {
            if (!plan.Any(l => l.Text == row.PlanText)) problems.Add($"docs/checklist.md:{row.LineNumber}: \"{row.PlanText}\" is not a line of the plan's checklist");
            foreach (var (file, title) in row.Scenarios)
            {
                if (!scenarios.Any(s => s.FeatureFile == file && s.Title == title))
                    problems.Add($"docs/checklist.md:{row.LineNumber}: no scenario \"{title}\" in features/Features/{file}");
            }
        }

        return problems;
    }
}
