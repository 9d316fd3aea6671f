using Fixxit.EnvConfig;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Operations;
using Fixxit.Provisioning.Releases;

namespace Fixxit.Provisioning;

/// <summary>
/// Provisioning driven by the typed topology, over one pinned SSH connection: <see cref="PlanAsync"/> (dry run with
/// diffs), <see cref="ApplyAsync"/> (first provisioning, idempotent re-apply, <c>--update</c>), <see cref="RollbackAsync"/>,
/// <see cref="BackupAsync"/>, <see cref="RestoreAsync"/> and <see cref="DoctorAsync"/>. Each verb is a list of steps
/// (<c>Operations/</c>) run by one loop (<see cref="OperationRunner"/>): preflight and lock once, steps, recovery, journal.
/// Every changing run is journaled in <c>&lt;target dir&gt;-releases/journal.ndjson</c> and holds <c>deploy.lock</c>.
/// Results never throw for expected failures: they come back as a <see cref="ProvisionResult"/> with the failed step
/// and a <see cref="FailureKind"/>.
/// </summary>
public sealed class Provisioner(ProvisionerOptions? options = null)
{
    private readonly OperationRunner _runner = new(options ?? new ProvisionerOptions());

    /// <summary>Preflight (without taking the lock) and what every step would do, with rsync's itemized list and file diffs (secrets masked). Changes nothing.</summary>
    public Task<ProvisionResult> PlanAsync(Topology topology, string environment, ApplyOptions? options, IProgress<StepEvent>? progress, CancellationToken ct) =>
        _runner.RunAsync(topology, environment, PlanOperation.Define(options ?? ApplyOptions.Default), progress, ct);

    /// <summary>
    /// Provisions <paramref name="environment"/> from its source: preflight and lock, snapshot (only if something will
    /// change), tree copy, config render, database, dependencies, start and verify, record. A failure after the snapshot
    /// rolls back to it automatically.
    /// </summary>
    public Task<ProvisionResult> ApplyAsync(Topology topology, string environment, ApplyOptions options, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _runner.RunAsync(topology, environment, ApplyOperation.Define(options), progress, ct);
    }

    /// <summary>Stops the target, restores code and database of a release together (the newest, or <see cref="RollbackOptions.To"/>), starts and verifies it. The current state is snapshotted first, so a rollback can itself be rolled back.</summary>
    public Task<ProvisionResult> RollbackAsync(Topology topology, string environment, RollbackOptions? options, IProgress<StepEvent>? progress, CancellationToken ct) =>
        _runner.RunAsync(topology, environment, RollbackOperation.Define(options ?? RollbackOptions.Default), progress, ct);

    /// <summary>Online backup of the target's database into <c>&lt;target&gt;-releases/backups/</c>, integrity-checked, with retention by count and age.</summary>
    public Task<ProvisionResult> BackupAsync(Topology topology, string environment, BackupOptions? options, IProgress<StepEvent>? progress, CancellationToken ct) =>
        _runner.RunAsync(topology, environment, BackupOperation.Define(options ?? BackupOptions.Default), progress, ct);

    /// <summary>Replaces the target's database with a backup (checked first), snapshotting the current state before; stops and restarts the app around it.</summary>
    public Task<ProvisionResult> RestoreAsync(Topology topology, string environment, RestoreOptions options, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _runner.RunAsync(topology, environment, RestoreOperation.Define(options), progress, ct);
    }

    /// <summary>The preflight alone, as a report, plus drift of the rendered config and the persisted URL check. Changes nothing, takes no lock.</summary>
    public Task<ProvisionResult> DoctorAsync(Topology topology, string environment, IProgress<StepEvent>? progress, CancellationToken ct) =>
        _runner.RunAsync(topology, environment, DoctorOperation.Define(), progress, ct);

    /// <summary>Every release of the target, oldest first, with what the journal says about each (gate-verified or not). Changes nothing; works while the lock is held.</summary>
    public Task<ProvisionResult> ReleasesAsync(Topology topology, string environment, IProgress<StepEvent>? progress, CancellationToken ct) =>
        _runner.RunAsync(topology, environment, ReleasesOperation.Define(), progress, ct);

    /// <summary>Who holds the target's deploy lock, since when, and whether it is provably stale. Changes nothing.</summary>
    public Task<ProvisionResult> LockStatusAsync(Topology topology, string environment, IProgress<StepEvent>? progress, CancellationToken ct) =>
        _runner.RunAsync(topology, environment, LockOperation.Status(ApplyOptions.Default.StaleLockAge), progress, ct);

    /// <summary>Removes the target's deploy lock when it is stale, or when <paramref name="force"/> is set even if its holder may be alive; journaled either way.</summary>
    public Task<ProvisionResult> ReleaseLockAsync(Topology topology, string environment, bool force, IProgress<StepEvent>? progress, CancellationToken ct) =>
        _runner.RunAsync(topology, environment, LockOperation.Release(ApplyOptions.Default.StaleLockAge, force), progress, ct);

    /// <summary>
    /// Records a gate's verdict about the target's current state in its journal. A pass snapshots that state as a
    /// release marked verified; a failure names <paramref name="failedRelease"/> (where the failed state is kept), if any.
    /// </summary>
    public Task<ProvisionResult> RecordVerificationAsync(Topology topology, string environment, GateVerdict verdict, string? failedRelease, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return _runner.RunAsync(topology, environment, VerifyOperation.Define(verdict, failedRelease), progress, ct);
    }

    /// <summary>The environment the target is copied from: its database lineage, else the development environment on the same host.</summary>
    internal static AppEnvironment SourceOf(ServerHost host, AppEnvironment target)
    {
        if (target.Database.SeededFrom is { } name) return host.Environment(name);
        return host.Environments.FirstOrDefault(e => e.Tier == Tier.Development && e.Name != target.Name)
            ?? throw new ProvisioningException(FailureKind.BadInput, $"{target.Name} declares no source (Database.SeededFrom) and host {host.Name} has no development environment to copy from");
    }
}
