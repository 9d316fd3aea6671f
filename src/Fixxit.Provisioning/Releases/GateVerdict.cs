namespace Fixxit.Provisioning.Releases;

/// <summary>What a gate run concluded about the state an environment is in: the input of <c>verify</c>.</summary>
/// <param name="Passed">Every selected scenario passed.</param>
/// <param name="FirstFailure">The first failure's cause, in the plan's terms; null when it passed.</param>
/// <param name="ReportPath">The report folder, as the people who read it will find it.</param>
public sealed record GateVerdict(bool Passed, string? FirstFailure, string? ReportPath)
{
    /// <summary>The journal's outcome word for it: <c>passed</c> or <c>failed: &lt;cause&gt;</c>.</summary>
    public string Outcome => Passed ? "passed" : $"failed: {FirstFailure ?? "see the report"}";
}
