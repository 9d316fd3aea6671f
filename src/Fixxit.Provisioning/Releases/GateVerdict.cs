namespace Fixxit.Provisioning.Releases;

/// <summary>What a gate run concluded about the state an environment is in: the input of <c>verify</c>.</summary>
/// <param name="Passed">Every selected scenario passed.</param>
/// <param name="FirstFailure">The first failure's cause, in the plan's terms; null when it passed.</param>
/// <param name="ReportPath">The report folder, as the people who read it will find it.</param>
/// <param name="Filter">The test filter that narrowed the gate; null when the whole profile ran.</param>
public sealed record GateVerdict(bool Passed, string? FirstFailure, string? ReportPath, string? Filter = null)
{
    public const string PassedWord = "passed";

    /// <summary>
    /// The journal's outcome for it: <c>passed</c>, <c>passed (filter: …)</c> when only part of the gate ran (a reader
    /// of <c>releases</c> must see that), or <c>failed: &lt;cause&gt;</c>.
    /// </summary>
    public string Outcome => Passed
        ? Filter is null ? PassedWord : $"{PassedWord} (filter: {Filter})"
        : $"failed: {FirstFailure ?? "see the report"}";

    /// <summary>Whether a journal outcome says the gate passed (whole or filtered).</summary>
    public static bool IsPass(string? outcome) =>
        outcome is not null && (outcome == PassedWord || outcome.StartsWith(PassedWord + " (", StringComparison.Ordinal));
}
