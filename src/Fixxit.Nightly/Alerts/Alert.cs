using Fixxit.Masking;
using Fixxit.Nightly.Results;

namespace Fixxit.Nightly.Alerts;

/// <summary>
/// What an alert says, whatever the channel: the state change, the target, the failed checklist lines and why, the
/// flaky ones, and the link to the report. Built only through <see cref="For"/>, which masks every text with the
/// secret masker, so no channel can send a secret a failure message happened to contain.
/// </summary>
public sealed record Alert(
    AlertKind Kind,
    string Title,
    string Verdict,
    string Target,
    string? AppVersion,
    DateTimeOffset StartedAt,
    int FailingRuns,
    string ReportLink,
    IReadOnlyList<(string Line, string Why)> FailedLines,
    IReadOnlyList<string> FlakyLines)
{
    public static Alert For(AlertKind kind, string target, RunResult run, int failingRuns, string reportLink, SecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(masker);
        var title = kind switch
        {
            AlertKind.Failing => $"Fixxit nightly FAILING on {target}",
            AlertKind.StillFailing => $"Fixxit nightly still failing on {target} ({failingRuns} runs)",
            AlertKind.Recovered => $"Fixxit nightly recovered on {target}",
            _ => $"Fixxit nightly {run.Verdict} on {target}",
        };
        return new Alert(
            kind,
            masker.Mask(title),
            run.Verdict,
            masker.Mask(target),
            masker.Mask(run.AppVersion),
            run.StartedAt,
            failingRuns,
            masker.Mask(reportLink),
            [.. run.Failed.Select(s => (masker.Mask(s.Line), masker.Mask(s.FirstFailureLine ?? "(no message)")))],
            [.. run.Scenarios.Where(s => s.Flaky).Select(s => masker.Mask(s.Line))]);
    }

    /// <summary>The plain-text body (email, and the text of the webhooks).</summary>
    public string Text()
    {
        var lines = new List<string>
        {
            Title,
            $"Verdict: {Verdict}; target: {Target}; app version: {AppVersion ?? "unknown"}; run started {StartedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC",
        };
        if (FailingRuns > 0) lines.Add($"Failing for {FailingRuns} consecutive run(s).");
        if (FailedLines.Count > 0)
        {
            lines.Add("Failed checklist lines:");
            lines.AddRange(FailedLines.Select(f => $"  ✗ {f.Line} — {f.Why}"));
        }

        if (FlakyLines.Count > 0)
        {
            lines.Add("Passed only on retry (flaky):");
            lines.AddRange(FlakyLines.Select(f => $"  ~ {f}"));
        }

        lines.Add($"Report: {ReportLink}");
        return string.Join('\n', lines);
    }
}
