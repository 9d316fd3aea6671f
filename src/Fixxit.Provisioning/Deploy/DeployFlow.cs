using Fixxit.EnvConfig;
using Fixxit.Provisioning.Releases;

namespace Fixxit.Provisioning.Deploy;

/// <summary>
/// apply → the gate against what was just deployed → a verified release, or back to the release before the apply
/// (code and database together: the apply's own snapshot, so nothing written before the deploy is lost) with a smoke
/// run proving the way back. The gate runs are passed in, so the same flow serves the sandbox and the real topology.
/// Before the gate, the deployed database is backed up (the plan's "DO backup the database"): the gate's backup check
/// then judges a backup made before verification began, as on a server whose backups run, and the first deploy of an
/// environment — which has no earlier release — has a restore point too.
/// </summary>
public sealed class DeployFlow(Provisioner provisioner, Topology topology, string environment)
{
    /// <summary>The scenarios that prove a rolled-back environment serves again (tagged @smoke).</summary>
    public const string SmokeFilter = "Category=smoke";

    public async Task<DeployOutcome> RunAsync(
        ApplyOptions apply,
        Func<string?, CancellationToken, Task<GateVerdict>> runGate,
        IProgress<StepEvent>? progress,
        Action<string> say,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runGate);
        ArgumentNullException.ThrowIfNull(say);
        var applied = await provisioner.ApplyAsync(topology, environment, apply, progress, cancellationToken).ConfigureAwait(false);
        if (!applied.Succeeded) return new DeployOutcome(DeployVerdict.ApplyFailed, applied);

        say($"backing up {environment}'s deployed database");
        var backup = await provisioner.BackupAsync(topology, environment, BackupOptions.Default, progress, cancellationToken).ConfigureAwait(false);
        if (!backup.Succeeded) return new DeployOutcome(DeployVerdict.ApplyFailed, backup);

        say($"the gate against {environment}");
        var gate = await runGate(null, cancellationToken).ConfigureAwait(false);
        if (gate.Passed)
        {
            var recorded = await provisioner.RecordVerificationAsync(topology, environment, gate, null, progress, cancellationToken).ConfigureAwait(false);
            return new DeployOutcome(recorded.Succeeded ? DeployVerdict.Verified : DeployVerdict.RollbackFailed, applied) { Gate = gate, Recorded = recorded };
        }

        // Nothing changed: the failed state is the one that was there before; rolling back would not fix it.
        if (applied.Snapshot is not { } before)
        {
            var unchanged = await provisioner.RecordVerificationAsync(topology, environment, gate, null, progress, cancellationToken).ConfigureAwait(false);
            return new DeployOutcome(DeployVerdict.GateFailedUnchanged, applied) { Gate = gate, Recorded = unchanged };
        }

        say($"the gate failed: rolling {environment} back to {before}");
        var rollback = await provisioner.RollbackAsync(topology, environment, RollbackOptions.Default with { To = before, StartupTimeout = apply.StartupTimeout }, progress, cancellationToken)
            .ConfigureAwait(false);
        if (!rollback.Succeeded) return new DeployOutcome(DeployVerdict.RollbackFailed, applied) { Gate = gate, Rollback = rollback };

        // The failed state was snapshotted by the rollback ("before rollback"): that release carries the failed verdict.
        var recordedFailure = await provisioner.RecordVerificationAsync(topology, environment, gate, rollback.Snapshot, progress, cancellationToken).ConfigureAwait(false);
        say($"smoke run against {environment} after the rollback");
        var smoke = await runGate(SmokeFilter, cancellationToken).ConfigureAwait(false);
        return new DeployOutcome(smoke.Passed ? DeployVerdict.RolledBack : DeployVerdict.RollbackFailed, applied)
        {
            Gate = gate, Rollback = rollback, Smoke = smoke, Recorded = recordedFailure,
        };
    }
}
