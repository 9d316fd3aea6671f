using Fixxit.Nightly.Results;

namespace Fixxit.Cli.Commands.Gate;

/// <summary>
/// The gate's closing summary: each failed scenario with the first line of its failure — the cause in the plan's
/// terms. A projection of <see cref="ReportFolderReader"/>, the one reader of a checklist run's report folder (the
/// nightly's history reads the same), so the gate, deploy and nightly name a failure alike.
/// </summary>
public static class FailureSummary
{
    public sealed record Failure(string Scenario, string Cause);

    /// <summary>How many scenarios ran, by outcome (the gate's --json counts); all zero when the run wrote no report.</summary>
    public sealed record Tally(int Total, int Passed, int Failed, int Skipped);

    public static Tally Count(string reportFolder)
    {
        if (!File.Exists(Path.Combine(reportFolder, RunHeaderFile.FileName))) return new Tally(0, 0, 0, 0);
        var scenarios = ReportFolderReader.Read(reportFolder).Scenarios;
        return new Tally(
            scenarios.Count,
            scenarios.Count(s => s.Outcome == ScenarioOutcome.Passed),
            scenarios.Count(s => s.Outcome == ScenarioOutcome.Failed),
            scenarios.Count(s => s.Outcome == ScenarioOutcome.Skipped));
    }

    /// <summary>The failures of the run whose report folder is <paramref name="reportFolder"/>; none when the run wrote no report (e.g. the build failed).</summary>
    public static IReadOnlyList<Failure> Read(string reportFolder)
    {
        if (!File.Exists(Path.Combine(reportFolder, RunHeaderFile.FileName))) return [];
        return [.. ReportFolderReader.Read(reportFolder).Failed.Select(s => new Failure(s.Line, s.FirstFailureLine ?? "(no message)"))];
    }
}
