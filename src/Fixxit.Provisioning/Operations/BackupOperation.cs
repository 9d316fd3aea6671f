using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;
using Fixxit.Provisioning.Steps;

namespace Fixxit.Provisioning.Operations;

/// <summary><c>backup</c>: an online backup of the target's database into <c>&lt;target&gt;-releases/backups/</c>, staged and integrity-checked, then retention by count and age.</summary>
internal static class BackupOperation
{
    public static OperationDefinition Define(BackupOptions options) => new()
    {
        Kind = ProvisionOperation.Backup,
        Preflight = new PreflightScope(TakeLock: true, Full: false, ApplyOptions.Default.StaleLockAge),
        Steps = _ =>
        [
            new DelegateStep("backup", "Online backup + integrity check", BackupAsync),
            new DelegateStep("retention", "Retention (count and age)", async ctx =>
            {
                var doomed = await BackupRetention.ApplyAsync(ctx, options).ConfigureAwait(false);
                return new StepResult("retention", doomed.Count > 0 ? StepStatus.Changed : StepStatus.Unchanged,
                    doomed.Count > 0 ? $"deleted {doomed.Count} backup(s) beyond {options.KeepCount} or older than {options.MaxAge?.TotalDays:0} days" : "no backup beyond the retention limits") { Details = doomed };
            }),
        ],
    };

    private static async Task<StepResult> BackupAsync(DeployContext ctx)
    {
        if (!ctx.TargetHasDatabase) throw new ProvisioningException(FailureKind.BadInput, $"{ctx.Target.Name} has no database at {ctx.TargetPath(ctx.Target.Database.Path)}");
        var file = $"{ctx.Layout.Backups}/webui-{DateTimeOffset.UtcNow.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{ctx.RunId[..6]}.db";
        ctx.Release = file;
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
    }
}
