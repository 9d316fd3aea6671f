using System.Globalization;
using System.Text.Json;
using Fixxit.EnvConfig;
using Fixxit.Masking;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;
using Fixxit.Provisioning.Releases;
using Fixxit.Provisioning.Steps;
using Fixxit.Remote;

namespace Fixxit.Provisioning;

/// <summary>
/// Provisioning driven by the typed topology, over one pinned SSH connection: <see cref="PlanAsync"/> (dry run with
/// diffs), <see cref="ApplyAsync"/> (first provisioning, idempotent re-apply, <c>--update</c>), <see cref="RollbackAsync"/>,
/// <see cref="BackupAsync"/>, <see cref="RestoreAsync"/> and <see cref="DoctorAsync"/>. Every run is journaled in
/// <c>&lt;target dir&gt;-releases/journal.ndjson</c>; every changing run holds <c>deploy.lock</c>. Results never throw for
/// expected failures: they come back as a <see cref="ProvisionResult"/> with the failed step and a <see cref="FailureKind"/>.
/// </summary>
public sealed class Provisioner(ProvisionerOptions? options = null)
{
    private readonly ProvisionerOptions _options = options ?? new ProvisionerOptions();

    /// <summary>Preflight (without taking the lock) and what every step would do, with rsync's itemized list and file diffs (secrets masked). Changes nothing.</summary>
    public async Task<ProvisionResult> PlanAsync(Topology topology, string environment, ApplyOptions? options, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        var apply = options ?? ApplyOptions.Default;
        return await WithContextAsync(topology, environment, ProvisionOperation.Plan, apply, progress, ct, async (ctx, run) =>
        {
            var (preflight, kind) = await PreflightStep.RunAsync(ctx, takeLock: false, apply.StaleLockAge).ConfigureAwait(false);
            run.Started(PreflightStep.Name, PreflightStep.Title);
            run.Add(preflight, kind);
            if (run.HasFailed) return run.Build();
            if (apply.Update && !ctx.TargetExists) return Fail(run, "update", FailureKind.BadInput, $"{ctx.Target.Name} is not provisioned yet: run apply first");
            var changes = false;
            foreach (var (name, title, inspect) in InspectionsFor(ctx))
            {
                await run.StepAsync(name, title, async () =>
                {
                    var plan = await inspect().ConfigureAwait(false);
                    changes |= plan.WillChange;
                    return plan.AsResult(TimeSpan.Zero);
                }).ConfigureAwait(false);
            }

            await run.StepAsync(StartStep.Name, StartStep.Title, async () => (await StartStep.InspectAsync(ctx, changes).ConfigureAwait(false)).AsResult(TimeSpan.Zero)).ConfigureAwait(false);
            await run.StepAsync(SnapshotStep.Name, SnapshotStep.Title, () => Task.FromResult(!changes
                ? new StepResult(SnapshotStep.Name, StepStatus.Unchanged, "nothing would change: no snapshot needed")
                : ctx.TargetExists
                    ? new StepResult(SnapshotStep.Name, StepStatus.Changed, $"would snapshot {ctx.Target.Name}'s code and database into {ctx.Layout.Releases}/ first")
                    : new StepResult(SnapshotStep.Name, StepStatus.Skipped, $"{ctx.Target.Name} does not exist yet: nothing to snapshot"))).ConfigureAwait(false);
            return run.Build();
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Provisions <paramref name="environment"/> from its source: preflight and lock, snapshot (only if something will
    /// change), tree copy, config render, database, dependencies, start and verify, record. A failure after the snapshot
    /// rolls back to it automatically.
    /// </summary>
    public async Task<ProvisionResult> ApplyAsync(Topology topology, string environment, ApplyOptions options, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var operation = options.Update ? ProvisionOperation.Update : ProvisionOperation.Apply;
        return await WithContextAsync(topology, environment, operation, options, progress, ct, async (ctx, run) =>
        {
            var (preflight, kind) = await PreflightStep.RunAsync(ctx, takeLock: true, options.StaleLockAge).ConfigureAwait(false);
            run.Started(PreflightStep.Name, PreflightStep.Title);
            run.Add(preflight, kind);
            if (run.HasFailed) return run.Build();
            var rolledBack = false;
            try
            {
                if (options.Update && !ctx.TargetExists) return Fail(run, "update", FailureKind.BadInput, $"{ctx.Target.Name} is not provisioned yet: run apply first");

                // Look first (Terraform-style), so the snapshot is taken only when something will really change.
                var plans = new Dictionary<string, StepPlan>();
                foreach (var (name, title, inspect) in InspectionsFor(ctx))
                {
                    var inspected = await run.StepAsync(name + ":inspect", title, async () =>
                    {
                        plans[name] = await inspect().ConfigureAwait(false);
                        return new StepResult(name + ":inspect", StepStatus.Unchanged, plans[name].Summary);
                    }).ConfigureAwait(false);
                    if (inspected is null || run.HasFailed) return run.Build();
                }

                // The inspections are bookkeeping, not steps the user sees.
                var willChange = plans.Values.Any(p => p.WillChange);
                await run.StepAsync(SnapshotStep.Name, SnapshotStep.Title, async () =>
                {
                    if (!willChange) return new StepResult(SnapshotStep.Name, StepStatus.Unchanged, "nothing will change: no snapshot needed");
                    if (!ctx.TargetExists) return new StepResult(SnapshotStep.Name, StepStatus.Skipped, $"{ctx.Target.Name} does not exist yet: nothing to snapshot");
                    var id = await SnapshotStep.TakeAsync(ctx, options.Update ? "before update" : "before apply").ConfigureAwait(false);
                    return new StepResult(SnapshotStep.Name, StepStatus.Changed, $"release {id}: code and database of {ctx.Target.Name} before this run");
                }).ConfigureAwait(false);
                await run.StepAsync(SyncTreeStep.Name, SyncTreeStep.Title, () => SyncTreeStep.ExecuteAsync(ctx, plans[SyncTreeStep.Name], TimeSpan.Zero)).ConfigureAwait(false);
                await run.StepAsync(RenderConfigStep.Name, RenderConfigStep.Title, async () =>
                {
                    // Re-inspect: the copy may have changed what is there.
                    var plan = await RenderConfigStep.InspectAsync(ctx).ConfigureAwait(false);
                    return await RenderConfigStep.ExecuteAsync(ctx, plan).ConfigureAwait(false);
                }).ConfigureAwait(false);
                await run.StepAsync(DatabaseStep.Name, DatabaseStep.Title, () => DatabaseStep.ExecuteAsync(ctx, plans[DatabaseStep.Name])).ConfigureAwait(false);
                await run.StepAsync(DependenciesStep.Name, DependenciesStep.Title, async () =>
                {
                    var plan = await DependenciesStep.InspectAsync(ctx).ConfigureAwait(false);
                    return await DependenciesStep.ExecuteAsync(ctx, plan).ConfigureAwait(false);
                }).ConfigureAwait(false);
                await run.StepAsync(StartStep.Name, StartStep.Title, async () =>
                {
                    var plan = await StartStep.InspectAsync(ctx, ctx.TargetChanged).ConfigureAwait(false);
                    return await StartStep.ExecuteAsync(ctx, plan, options.StartupTimeout).ConfigureAwait(false);
                }).ConfigureAwait(false);

                if (run.HasFailed && ctx.SnapshotRelease is { } snapshot)
                {
                    rolledBack = await AutoRollbackAsync(ctx, run, snapshot, options.StartupTimeout).ConfigureAwait(false);
                }
                else if (run.HasFailed && !ctx.TargetExists)
                {
                    // First provisioning failed: stop anything it started; the partial tree stays for the next apply to converge.
                    await ctx.RunAsync($"test -f {DeployContext.Q(ctx.TargetPath(ctx.Target.Commands.Script))} && cd {DeployContext.Q(ctx.Target.Directory)} && {ctx.Target.Commands.Stop}").ConfigureAwait(false);
                }

                await run.StepAsync("record", "Record the release", async () =>
                {
                    if (!ctx.TargetChanged) return new StepResult("record", StepStatus.Unchanged, "no-op run: journaled, nothing else recorded");
                    await WriteCurrentAsync(ctx).ConfigureAwait(false);
                    var pruned = await SnapshotStep.PruneAsync(ctx, options.KeepReleases).ConfigureAwait(false);
                    return new StepResult("record", StepStatus.Changed, $"{ctx.Layout.Current} updated{(ctx.SnapshotRelease is { } s ? $"; rollback target: release {s}" : string.Empty)}{(pruned.Count > 0 ? $"; pruned {pruned.Count} old release(s)" : string.Empty)}");
                }).ConfigureAwait(false);
                return Visible(run, ctx.SnapshotRelease, rolledBack);
            }
            finally
            {
                await FinishAsync(ctx, run, ctx.SnapshotRelease, rolledBack).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Stops the target, restores code and database of a release together (the newest, or <see cref="RollbackOptions.To"/>), starts and verifies it. The current state is snapshotted first, so a rollback can itself be rolled back.</summary>
    public async Task<ProvisionResult> RollbackAsync(Topology topology, string environment, RollbackOptions? options, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        var o = options ?? RollbackOptions.Default;
        return await WithContextAsync(topology, environment, ProvisionOperation.Rollback, ApplyOptions.Default, progress, ct, async (ctx, run) =>
        {
            var (preflight, kind) = await PreflightStep.RunAsync(ctx, takeLock: true, o.StaleLockAge, full: false).ConfigureAwait(false);
            run.Started(PreflightStep.Name, PreflightStep.Title);
            run.Add(preflight, kind);
            if (run.HasFailed) return run.Build();
            string? chosen = null;
            try
            {
                var releases = await SnapshotStep.ListAsync(ctx).ConfigureAwait(false);
                chosen = o.To ?? releases.LastOrDefault();
                if (chosen is null) return Fail(run, "choose-release", FailureKind.BadInput, $"no releases in {ctx.Layout.Releases}: nothing to roll back to");
                if (!releases.Contains(chosen)) return Fail(run, "choose-release", FailureKind.BadInput, $"no release '{chosen}' in {ctx.Layout.Releases} ({(releases.Count == 0 ? "there are none" : "have: " + string.Join(", ", releases.TakeLast(10)))})");
                await RestoreReleaseStep.ReadManifestAsync(ctx, chosen).ConfigureAwait(false);
                await run.StepAsync(SnapshotStep.Name, SnapshotStep.Title, async () =>
                {
                    if (!ctx.TargetExists) return new StepResult(SnapshotStep.Name, StepStatus.Skipped, $"{ctx.Target.Name} does not exist: nothing to snapshot");
                    var id = await SnapshotStep.TakeAsync(ctx, "before rollback").ConfigureAwait(false);
                    return new StepResult(SnapshotStep.Name, StepStatus.Changed, $"release {id}: the state being rolled back (roll forward with --to {id})");
                }).ConfigureAwait(false);
                await run.StepAsync(RestoreReleaseStep.Name, RestoreReleaseStep.Title, () => RestoreReleaseStep.RunAsync(ctx, chosen, o.StartupTimeout)).ConfigureAwait(false);
                return Visible(run, chosen, false);
            }
            finally
            {
                await FinishAsync(ctx, run, chosen, false).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Online backup of the target's database into <c>&lt;target&gt;-releases/backups/</c>, integrity-checked, with retention by count and age.</summary>
    public async Task<ProvisionResult> BackupAsync(Topology topology, string environment, BackupOptions? options, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        var o = options ?? BackupOptions.Default;
        return await WithContextAsync(topology, environment, ProvisionOperation.Backup, ApplyOptions.Default, progress, ct, async (ctx, run) =>
        {
            var (preflight, kind) = await PreflightStep.RunAsync(ctx, takeLock: true, ApplyOptions.Default.StaleLockAge, full: false).ConfigureAwait(false);
            run.Started(PreflightStep.Name, PreflightStep.Title);
            run.Add(preflight, kind);
            if (run.HasFailed) return run.Build();
            string? file = null;
            try
            {
                if (!ctx.TargetHasDatabase) return Fail(run, "backup", FailureKind.BadInput, $"{ctx.Target.Name} has no database at {ctx.TargetPath(ctx.Target.Database.Path)}");
                await run.StepAsync("backup", "Online backup + integrity check", async () =>
                {
                    file = $"{ctx.Layout.Backups}/webui-{DateTimeOffset.UtcNow.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{ctx.RunId[..6]}.db";
                    var partial = $"{ctx.Layout.Backups}/.{Path.GetFileName(file)}.partial";
                    await ctx.RunCheckedAsync($"mkdir -p {DeployContext.Q(ctx.Layout.Backups)}").ConfigureAwait(false);
                    var counts = await HostSqlite.BackupAsync(ctx.Ssh, ctx.TargetPath(ctx.Target.Database.Path), partial, ctx.Ct).ConfigureAwait(false);
                    var integrity = await HostSqlite.IntegrityCheckAsync(ctx.Ssh, partial, ctx.Ct).ConfigureAwait(false);
                    if (integrity != "ok")
                    {
                        await ctx.RunAsync($"rm -f {DeployContext.Q(partial)}").ConfigureAwait(false);
                        throw new ProvisioningException(FailureKind.StepFailed, $"the backup copy fails its integrity check: {integrity}");
                    }

                    await ctx.RunCheckedAsync($"mv {DeployContext.Q(partial)} {DeployContext.Q(file)}").ConfigureAwait(false);
                    return new StepResult("backup", StepStatus.Changed, $"{file}: integrity ok, {counts.Values.Sum()} rows in {counts.Count} tables");
                }).ConfigureAwait(false);
                await run.StepAsync("retention", "Retention (count and age)", async () =>
                {
                    var doomed = await BackupRetention.ApplyAsync(ctx, o).ConfigureAwait(false);
                    return new StepResult("retention", doomed.Count > 0 ? StepStatus.Changed : StepStatus.Unchanged,
                        doomed.Count > 0 ? $"deleted {doomed.Count} backup(s) beyond {o.KeepCount} or older than {o.MaxAge?.TotalDays:0} days" : "no backup beyond the retention limits") { Details = doomed };
                }).ConfigureAwait(false);
                ctx.TargetChanged = false;
                return Visible(run, file, false);
            }
            finally
            {
                await FinishAsync(ctx, run, file, false).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Replaces the target's database with a backup (checked first), snapshotting the current state before; stops and restarts the app around it.</summary>
    public async Task<ProvisionResult> RestoreAsync(Topology topology, string environment, RestoreOptions options, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await WithContextAsync(topology, environment, ProvisionOperation.Restore, ApplyOptions.Default, progress, ct, async (ctx, run) =>
        {
            var (preflight, kind) = await PreflightStep.RunAsync(ctx, takeLock: true, options.StaleLockAge, full: false).ConfigureAwait(false);
            run.Started(PreflightStep.Name, PreflightStep.Title);
            run.Add(preflight, kind);
            if (run.HasFailed) return run.Build();
            var from = options.From.Contains('/', StringComparison.Ordinal) ? options.From : $"{ctx.Layout.Backups}/{options.From}";
            var rolledBack = false;
            try
            {
                var check = await run.StepAsync("check-backup", "Check the backup", async () =>
                {
                    var exists = await ctx.RunAsync($"test -f {DeployContext.Q(from)}").ConfigureAwait(false);
                    if (!exists.Succeeded) throw new ProvisioningException(FailureKind.BadInput, $"no backup file {from} on {ctx.Host.Name}");
                    var integrity = await HostSqlite.IntegrityCheckAsync(ctx.Ssh, from, ctx.Ct).ConfigureAwait(false);
                    if (integrity != "ok") throw new ProvisioningException(FailureKind.BadInput, $"backup {from} is unusable: {integrity}; nothing was changed");
                    var counts = await HostSqlite.CountsAsync(ctx.Ssh, from, ctx.Ct).ConfigureAwait(false);
                    return new StepResult("check-backup", StepStatus.Unchanged, $"{from}: integrity ok, {counts.Values.Sum()} rows in {counts.Count} tables");
                }).ConfigureAwait(false);
                if (check?.Status != StepStatus.Unchanged) return run.Build();
                await run.StepAsync(SnapshotStep.Name, SnapshotStep.Title, async () =>
                {
                    var id = await SnapshotStep.TakeAsync(ctx, "before restore").ConfigureAwait(false);
                    return new StepResult(SnapshotStep.Name, StepStatus.Changed, $"release {id}: code and database before the restore");
                }).ConfigureAwait(false);
                await run.StepAsync("restore", "Restore the database", async () =>
                {
                    var t = ctx.Target;
                    var live = t.PathOf(t.Database.Path);
                    var staged = $"{Path.GetDirectoryName(live)}/.fixxit-restore-{ctx.RunId[..8]}.db";
                    await ctx.RunAsync($"cd {DeployContext.Q(t.Directory)} && {t.Commands.Stop}").ConfigureAwait(false);
                    ctx.TargetChanged = true;
                    await HostSqlite.BackupAsync(ctx.Ssh, from, staged, ctx.Ct).ConfigureAwait(false);
                    await ctx.RunCheckedAsync($"mv -f {DeployContext.Q(staged)} {DeployContext.Q(live)} && rm -f {DeployContext.Q(live + "-wal")} {DeployContext.Q(live + "-shm")} {DeployContext.Q(live + "-journal")}").ConfigureAwait(false);
                    var details = new List<string> { $"{live} ← {from} (online backup API)" };
                    if (ctx.TargetWasRunning)
                    {
                        var started = await ctx.RunAsync($"cd {DeployContext.Q(t.Directory)} && {t.Commands.Start} 2>&1").ConfigureAwait(false);
                        if (!started.Succeeded) throw new ProvisioningException(FailureKind.StepFailed, $"{t.Commands.Start} after the restore failed: {started.StdOut.Trim()}");
                        details.AddRange(await StartStep.VerifyAsync(ctx, options.StartupTimeout).ConfigureAwait(false));
                    }

                    return new StepResult("restore", StepStatus.Changed, $"{t.Name}'s database restored from {from}{(ctx.TargetWasRunning ? " and the app verified" : string.Empty)}") { Details = details };
                }).ConfigureAwait(false);
                if (run.HasFailed && ctx.SnapshotRelease is { } snapshot) rolledBack = await AutoRollbackAsync(ctx, run, snapshot, options.StartupTimeout).ConfigureAwait(false);
                return Visible(run, from, rolledBack);
            }
            finally
            {
                await FinishAsync(ctx, run, from, rolledBack).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>The preflight alone, as a report, plus drift of the rendered config and the persisted URL check. Changes nothing, takes no lock.</summary>
    public async Task<ProvisionResult> DoctorAsync(Topology topology, string environment, IProgress<StepEvent>? progress, CancellationToken ct) =>
        await WithContextAsync(topology, environment, ProvisionOperation.Doctor, ApplyOptions.Default, progress, ct, async (ctx, run) =>
        {
            var (preflight, kind) = await PreflightStep.RunAsync(ctx, takeLock: false, ApplyOptions.Default.StaleLockAge).ConfigureAwait(false);
            run.Started(PreflightStep.Name, PreflightStep.Title);
            run.Add(preflight, kind == FailureKind.Locked ? FailureKind.Locked : kind);
            if (!ctx.TargetExists || run.HasFailed) return run.Build();
            await run.StepAsync(RenderConfigStep.Name, "Config drift", async () =>
            {
                var plan = await RenderConfigStep.InspectAsync(ctx).ConfigureAwait(false);
                return plan.WillChange
                    ? new StepResult(RenderConfigStep.Name, StepStatus.Failed, $"{ctx.Target.Name}'s config differs from what the topology renders: {plan.Summary}") { Details = plan.Details }
                    : new StepResult(RenderConfigStep.Name, StepStatus.Unchanged, plan.Summary);
            }).ConfigureAwait(false);
            await run.StepAsync(DatabaseStep.Name, "Persisted URLs", async () =>
            {
                var plan = await DatabaseStep.InspectAsync(ctx).ConfigureAwait(false);
                return new StepResult(DatabaseStep.Name, StepStatus.Unchanged, plan.Summary);
            }).ConfigureAwait(false);
            await run.StepAsync(StartStep.Name, "Running and healthy", async () =>
            {
                var plan = await StartStep.InspectAsync(ctx, false).ConfigureAwait(false);
                return new StepResult(StartStep.Name, plan.WillChange ? StepStatus.Failed : StepStatus.Unchanged, plan.WillChange ? $"{ctx.Target.Name} is not running and healthy" : plan.Summary);
            }).ConfigureAwait(false);
            var result = run.Build();
            return result.Failure == FailureKind.StepFailed ? result with { Failure = FailureKind.ProblemsFound } : result;
        }).ConfigureAwait(false);

    private static IEnumerable<(string Name, string Title, Func<Task<StepPlan>> Inspect)> InspectionsFor(DeployContext ctx) =>
    [
        (SyncTreeStep.Name, SyncTreeStep.Title, () => SyncTreeStep.InspectAsync(ctx)),
        (RenderConfigStep.Name, RenderConfigStep.Title, () => RenderConfigStep.InspectAsync(ctx)),
        (DatabaseStep.Name, DatabaseStep.Title, () => DatabaseStep.InspectAsync(ctx)),
        (DependenciesStep.Name, DependenciesStep.Title, () => DependenciesStep.InspectAsync(ctx)),
    ];

    private static async Task<bool> AutoRollbackAsync(DeployContext ctx, RunRecorder run, string snapshot, TimeSpan timeout)
    {
        try
        {
            var result = await RestoreReleaseStep.RunAsync(ctx, snapshot, timeout).ConfigureAwait(false);
            run.Add(result with { Step = "auto-rollback", Message = "automatic rollback: " + result.Message }, FailureKind.None);
            return true;
        }
        catch (Exception e) when (RunRecorder.Classify(e) is not null)
        {
            run.Add(new StepResult("auto-rollback", StepStatus.Failed, $"automatic rollback to release {snapshot} ALSO failed: {e.Message}; restore by hand from {ctx.Layout.Release(snapshot)}"), FailureKind.StepFailed);
            return false;
        }
    }

    /// <summary>The result without the internal ":inspect" bookkeeping steps.</summary>
    private static ProvisionResult Visible(RunRecorder run, string? release, bool rolledBack)
    {
        var result = run.Build(release, rolledBack);
        return result with { Steps = result.Steps.Where(s => !s.Step.EndsWith(":inspect", StringComparison.Ordinal) || s.Status == StepStatus.Failed).ToList() };
    }

    private static ProvisionResult Fail(RunRecorder run, string step, FailureKind kind, string message)
    {
        run.Started(step, step);
        run.Add(new StepResult(step, StepStatus.Failed, message), kind);
        return run.Build();
    }

    private static async Task WriteCurrentAsync(DeployContext ctx)
    {
        var current = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["environment"] = ctx.Target.Name,
            ["deployedAt"] = DateTimeOffset.UtcNow,
            ["runId"] = ctx.RunId,
            ["source"] = ctx.Source.Name,
            ["sourceCommit"] = ctx.SourceCommit,
            ["keyFingerprints"] = ctx.KeyFingerprints,
            ["snapshotBefore"] = ctx.SnapshotRelease,
        }, ProvisionResult.JsonOptions);
        await ctx.Ssh.WriteFileAtomicAsync(ctx.Layout.Current, current, "644", ctx.Ct).ConfigureAwait(false);
    }

    /// <summary>Journal line and lock release, whatever happened. Never masks the run's own outcome.</summary>
    private async Task FinishAsync(DeployContext ctx, RunRecorder run, string? release, bool rolledBack)
    {
        try
        {
            var result = run.Build(release, rolledBack);
            var entry = new JournalEntry
            {
                RunId = ctx.RunId,
                Operation = ctx.Operation.ToString().ToLowerInvariant(),
                Environment = ctx.Target.Name,
                Actor = _options.Actor,
                Machine = Environment.MachineName,
                StartedAt = run.StartedAt,
                Seconds = Math.Round(run.Elapsed.TotalSeconds, 2),
                Outcome = run.HasFailed ? $"failed: {run.FailedStep}" : result.Changed ? "ok" : "no-op",
                Release = release,
                RolledBack = rolledBack,
                Steps = result.Steps.Where(s => !s.Step.EndsWith(":inspect", StringComparison.Ordinal)).GroupBy(s => s.Step).ToDictionary(g => g.Key, g => g.Last().Status.ToString()),
                Message = SecretMasker.Shared.Mask(result.Summary),
            };
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await ctx.Ssh.RunAsync($"mkdir -p {DeployContext.Q(ctx.Layout.Root)} && printf '%s\\n' {DeployContext.Q(entry.ToJsonLine())} >> {DeployContext.Q(ctx.Layout.Journal)}", cts.Token).ConfigureAwait(false);
            if (ctx.Lock is { } held) await held.ReleaseAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (RunRecorder.Classify(e) is not null || e is OperationCanceledException)
        {
            _options.Log?.Invoke(SecretMasker.Shared.Mask($"could not journal or unlock: {e.Message}"));
        }
    }

    private async Task<ProvisionResult> WithContextAsync(
        Topology topology, string environment, ProvisionOperation operation, ApplyOptions apply, IProgress<StepEvent>? progress, CancellationToken ct,
        Func<DeployContext, RunRecorder, Task<ProvisionResult>> body)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var runId = Guid.NewGuid().ToString("N");
        var run = new RunRecorder(operation, topology.Name, environment, runId, progress);
        AppEnvironment target;
        ServerHost host;
        AppEnvironment source;
        try
        {
            target = topology.Environment(environment);
            host = topology.HostOf(target);
            source = SourceOf(host, target);
        }
        catch (Exception e) when (e is KeyNotFoundException or ProvisioningException)
        {
            return Fail(run, PreflightStep.Name, FailureKind.BadInput, e.Message);
        }

        SshSession ssh;
        run.Started(PreflightStep.Name, PreflightStep.Title);
        try
        {
            var sshTarget = SshTarget.From(_options.HostKeyFingerprint is { } pin ? host with { HostKeyFingerprint = pin } : host, _options.PrivateKeyPath);
            ssh = await SshSession.ConnectAsync(sshTarget, _options.Log, ct).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            run.Add(new StepResult(PreflightStep.Name, StepStatus.Failed, e.Message), FailureKind.BadInput);
            return run.Build();
        }
        catch (SshConnectException e)
        {
            run.Add(new StepResult(PreflightStep.Name, StepStatus.Failed, $"ssh ({e.Failure}): {e.Message}"), FailureKind.Unreachable);
            return run.Build();
        }

        await using (ssh.ConfigureAwait(false))
        {
            var ctx = new DeployContext
            {
                Topology = topology, Host = host, Target = target, Source = source, Ssh = ssh, Layout = ReleaseLayout.For(target),
                Options = _options, Operation = operation, RunId = runId, Ct = ct, Apply = apply, DryRun = operation == ProvisionOperation.Plan,
            };
            return await body(ctx, run).ConfigureAwait(false);
        }
    }

    /// <summary>The environment the target is copied from: its database lineage, else the development environment on the same host.</summary>
    internal static AppEnvironment SourceOf(ServerHost host, AppEnvironment target)
    {
        if (target.Database.SeededFrom is { } name) return host.Environment(name);
        return host.Environments.FirstOrDefault(e => e.Tier == Tier.Development && e.Name != target.Name)
            ?? throw new ProvisioningException(FailureKind.BadInput, $"{target.Name} declares no source (Database.SeededFrom) and host {host.Name} has no development environment to copy from");
    }

    internal static string Format(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
}
