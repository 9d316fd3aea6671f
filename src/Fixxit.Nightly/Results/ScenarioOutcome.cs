namespace Fixxit.Nightly.Results;

/// <summary>How one scenario (one checklist line's test) ended in a run, after the retry.</summary>
public enum ScenarioOutcome
{
    Passed,
    Failed,
    Skipped,
}
