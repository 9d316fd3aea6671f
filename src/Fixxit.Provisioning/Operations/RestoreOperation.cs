using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;
using Fixxit.Provisioning.Steps;

namespace Fixxit.Provisioning.Operations;

/// <summary><c>restore --from FILE</c>: check the backup before touching anything, snapshot, stop, restore with the online backup API, start and verify; a failure rolls back to the snapshot.</summary>
internal static class RestoreOperation
{
    public static OperationDefinition Define(RestoreOptions options) => new()
    {
        Kind = ProvisionOperation.Restore,
        Preflight = new PreflightScope(TakeLock: true, Full: false, options.StaleLockAge),
        Recover = (ctx, run) => AutoRollback.ToSnapshotAsync(ctx, run, options.StartupTimeout),
        Release = ctx => From(ctx, options),
        Steps = _ =>
        [
            new DelegateStep("check-backup", "Check the backup", ctx => CheckAsync(ctx, From(ctx, options))),
            new DelegateStep(SnapshotStep.Name, SnapshotStep.Title, async ctx =>
            {
                var id = await SnapshotStep.TakeAsync(ctx, "before restore").ConfigureAwait(false);
                return new StepResult(SnapshotStep.Name, StepStatus.Changed, $"release {id}: code and database before the restore");
            }),
            new DelegateStep("restore", "Restore the database", ctx => RestoreAsync(ctx, From(ctx, options), options.StartupTimeout)),
        ],
    };

    /// <summary>A path, or a file name in the backups folder.</summary>
    private static string From(DeployContext ctx, RestoreOptions options) =>
        options.From.Contains('/', StringComparison.Ordinal) ? options.From : $"{ctx.Layout.Backups}/{options.From}";

    private static async Task<StepResult> CheckAsync(DeployContext ctx, string from)
    {
        var exists = await ctx.RunAsync($"test -f {DeployContext.Q(from)}").ConfigureAwait(false);
        if (!exists.Succeeded) throw new ProvisioningException(FailureKind.BadInput, $"no backup file {from} on {ctx.Host.Name}");
        var integrity = await HostSqlite.IntegrityCheckAsync(ctx.Ssh, from, ctx.Ct).ConfigureAwait(false);
        if (integrity != "ok") throw new ProvisioningException(FailureKind.BadInput, $"backup {from} is unusable: {integrity}; nothing was changed");
        var counts = await HostSqlite.CountsAsync(ctx.Ssh, from, ctx.Ct).ConfigureAwait(false);
        return new StepResult("check-backup", StepStatus.Unchanged, $"{from}: integrity ok, {counts.Values.Sum()} rows in {counts.Count} tables");
    }

    private static async Task<StepResult> RestoreAsync(DeployContext ctx, string from, TimeSpan startupTimeout)
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
            details.AddRange(await StartStep.VerifyAsync(ctx, startupTimeout).ConfigureAwait(false));
        }

        return new StepResult("restore", StepStatus.Changed, $"{t.Name}'s database restored from {from}{(ctx.TargetWasRunning ? " and the app verified" : string.Empty)}") { Details = details };
    }
}
