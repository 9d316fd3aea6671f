namespace Fixxit.Nightly.History;

/// <summary>One row of the history's runs table.</summary>
public sealed record RecordedRun(
    long Id,
    string Target,
    string? AppVersion,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string Verdict,
    string ReportPath)
{
    public bool Passed => Verdict == Results.RunResult.PassedVerdict;
}
