using Fixxit.Provisioning.Releases;

namespace Fixxit.Provisioning.Deploy;

/// <summary>Everything a deploy did, in order; what was not reached is null.</summary>
/// <param name="Apply">The apply; or the backup before the gate, when that is what failed.</param>
public sealed record DeployOutcome(DeployVerdict Verdict, ProvisionResult Apply)
{
    public GateVerdict? Gate { get; init; }

    public ProvisionResult? Rollback { get; init; }

    public GateVerdict? Smoke { get; init; }

    /// <summary>The journal record of the gate's verdict (a verified release on a pass).</summary>
    public ProvisionResult? Recorded { get; init; }

    /// <summary>The first line a reader sees: the cause, in the plan's terms.</summary>
    public string Headline => Verdict switch
    {
        DeployVerdict.Verified => $"deploy of {Apply.Environment} verified: release {Recorded?.Release ?? "?"} passed the gate",
        DeployVerdict.ApplyFailed => $"deploy of {Apply.Environment} failed at {Apply.Operation.ToString().ToLowerInvariant()}: {Apply.Summary}",
        DeployVerdict.GateFailedUnchanged => $"deploy of {Apply.Environment}: nothing changed, and the gate failed: {Gate?.FirstFailure ?? "see the report"}",
        DeployVerdict.RolledBack => $"deploy of {Apply.Environment} rolled back to {Rollback?.Release ?? "?"}: the gate failed: {Gate?.FirstFailure ?? "see the report"}",
        _ => $"deploy of {Apply.Environment}: the gate failed ({Gate?.FirstFailure ?? "see the report"}) and the way back failed too: " +
             (Rollback is { Succeeded: false } r ? r.Summary : $"the smoke run after the rollback failed: {Smoke?.FirstFailure ?? "see its report"}"),
    };
}
