namespace Fixxit.Nightly.Results;

/// <summary>A finished checklist run as its report folder tells it: the run header plus every scenario.</summary>
public sealed record RunResult(
    string Verdict,
    string? TargetEnvironment,
    string? AppVersion,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<ScenarioResult> Scenarios,
    string ReportFolder)
{
    public const string PassedVerdict = "PASSED";

    /// <summary>Only PASSED is a pass: FAILED and NOTHING RAN (a run that proved nothing) both count as failing.</summary>
    public bool Passed => Verdict == PassedVerdict;

    public IEnumerable<ScenarioResult> Failed => Scenarios.Where(s => s.Outcome == ScenarioOutcome.Failed);
}
