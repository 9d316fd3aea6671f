namespace Fixxit.Gherkin.NUnit.Checklists;

/// <summary>A checklist line's mark in the report.</summary>
public enum LineStatus
{
    /// <summary>Every scenario of the line ran and passed.</summary>
    Ticked,

    /// <summary>At least one of its scenarios failed.</summary>
    Crossed,

    /// <summary>None of its scenarios ran (a filtered run, e.g. the nightly prod-safe profile).</summary>
    NotRun,

    /// <summary>Some passed, none failed, others did not run: not proven, so not ticked.</summary>
    Incomplete,
}

/// <summary>A checklist line with the scenarios that check it, as this run left them.</summary>
public sealed record LineResult(ChecklistLine Line, LineStatus Status, IReadOnlyList<ScenarioRun> Scenarios)
{
    /// <summary>
    /// Matches the line's references to the run's scenarios (an outline's title matches every example row); a
    /// referenced scenario the run never saw (its feature filtered out) is listed as not run.
    /// </summary>
    public static LineResult For(ChecklistLine line, IReadOnlyList<ScenarioRun> runs)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(runs);
        var scenarios = new List<ScenarioRun>();
        foreach (var reference in line.Scenarios)
        {
            var matched = runs.Where(r => reference.IsFeature(r.FeaturePath) && string.Equals(r.WrittenTitle, reference.Title, StringComparison.Ordinal)).ToList();
            scenarios.AddRange(matched.Count > 0 ? matched : [new ScenarioRun(reference.FeatureFile, reference.Title, reference.Title, null, ScenarioStatus.NotRun, null, null, [])]);
        }

        return new LineResult(line, StatusOf(scenarios), scenarios);
    }

    private static LineStatus StatusOf(IReadOnlyList<ScenarioRun> scenarios)
    {
        if (scenarios.Any(s => s.Status == ScenarioStatus.Failed)) return LineStatus.Crossed;
        var passed = scenarios.Count(s => s.Status == ScenarioStatus.Passed);
        if (passed == 0) return LineStatus.NotRun;
        return passed == scenarios.Count ? LineStatus.Ticked : LineStatus.Incomplete;
    }
}
