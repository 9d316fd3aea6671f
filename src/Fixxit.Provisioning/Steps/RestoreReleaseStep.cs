using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;
using Fixxit.Provisioning.Releases;

namespace Fixxit.Provisioning.Steps;

/// <summary>
/// Puts a release back: stop, code restored exactly (rsync <c>--delete</c>, with logs, deps and the live DB protected),
/// the release's database restored with the online backup API, dependencies brought in line, started again if it was
/// running when the release was taken. Code and database always travel together: Open WebUI migrates its schema on
/// start, so old code on a migrated database is not a rollback.
/// </summary>
internal static class RestoreReleaseStep
{
    public const string Name = "restore-release";
    public const string Title = "Restore code and database of a release";

    public static async Task<ReleaseManifest> ReadManifestAsync(DeployContext ctx, string id)
    {
        var path = ReleaseLayout.ManifestOf(ctx.Layout.Release(id));
        var text = await Host.SecretResolver.TryReadRemoteAsync(ctx.Ssh, path, ctx.Ct).ConfigureAwait(false)
            ?? throw new ProvisioningException(FailureKind.BadInput, $"release {id} has no manifest ({path}); it is incomplete or not a release");
        return ReleaseManifest.Parse(text, path);
    }

    public static async Task<StepResult> RunAsync(DeployContext ctx, string id, TimeSpan startupTimeout)
    {
        var t = ctx.Target;
        var release = ctx.Layout.Release(id);
        var manifest = await ReadManifestAsync(ctx, id).ConfigureAwait(false);
        var details = new List<string>();
        if (manifest.HasDatabase)
        {
            var integrity = await HostSqlite.IntegrityCheckAsync(ctx.Ssh, ReleaseLayout.DatabaseOf(release), ctx.Ct).ConfigureAwait(false);
            if (integrity != "ok") throw new ProvisioningException(FailureKind.StepFailed, $"release {id}'s database fails its integrity check ({integrity}); nothing was changed");
        }

        await ctx.RunAsync($"test -f {DeployContext.Q(t.PathOf(t.Commands.Script))} && cd {DeployContext.Q(t.Directory)} && {t.Commands.Stop}").ConfigureAwait(false);
        details.Add($"stopped {t.Name}");
        var code = await ctx.RunAsync(RsyncCommand.Restore(ReleaseLayout.CodeOf(release), t, dryRun: false)).ConfigureAwait(false);
        if (!code.Succeeded) throw new ProvisioningException(FailureKind.StepFailed, $"restoring the code of release {id} failed: {code.StdErr.Trim()}");
        details.Add($"code restored from {ReleaseLayout.CodeOf(release)} ({RsyncCommand.Changes(code.StdOut).Count} item(s) changed)");

        if (manifest.HasDatabase)
        {
            var live = t.PathOf(t.Database.Path);
            var staged = $"{Path.GetDirectoryName(live)}/.fixxit-restore-{ctx.RunId[..8]}.db";
            await HostSqlite.BackupAsync(ctx.Ssh, ReleaseLayout.DatabaseOf(release), staged, ctx.Ct).ConfigureAwait(false);
            await ctx.RunCheckedAsync($"mv -f {DeployContext.Q(staged)} {DeployContext.Q(live)} && rm -f {DeployContext.Q(live + "-wal")} {DeployContext.Q(live + "-shm")} {DeployContext.Q(live + "-journal")}").ConfigureAwait(false);
            var counts = await HostSqlite.CountsAsync(ctx.Ssh, live, ctx.Ct).ConfigureAwait(false);
            var differ = manifest.RowCounts.Where(p => !counts.TryGetValue(p.Key, out var n) || n != p.Value).Select(p => p.Key).ToList();
            if (differ.Count > 0) throw new ProvisioningException(FailureKind.StepFailed, $"restored database's row counts differ from release {id}'s manifest: {string.Join(", ", differ)}");
            details.Add($"database restored from release {id} (row counts equal to its manifest)");
        }

        ctx.TargetExists = true;
        ctx.TargetHasDatabase = manifest.HasDatabase;
        var dependencies = new DependenciesStep();
        var deps = await dependencies.InspectAsync(ctx).ConfigureAwait(false);
        var depsResult = await dependencies.ExecuteAsync(ctx, deps).ConfigureAwait(false);
        details.Add($"dependencies: {depsResult.Message}");
        if (manifest.WasRunning)
        {
            var started = await ctx.RunAsync($"cd {DeployContext.Q(t.Directory)} && {t.Commands.Start} 2>&1").ConfigureAwait(false);
            if (!started.Succeeded) throw new ProvisioningException(FailureKind.StepFailed, $"{t.Commands.Start} after restoring release {id} failed: {started.StdOut.Trim()}");
            details.AddRange(await StartStep.VerifyAsync(ctx, startupTimeout).ConfigureAwait(false));
        }
        else
        {
            details.Add($"{t.Name} was stopped when release {id} was taken: left stopped");
        }

        details.Add($"proxy: Caddy ({ctx.Host.Proxy.ConfigPath}) is not changed by apply, so there is nothing to undo there");
        ctx.TargetChanged = true;
        return new StepResult(Name, StepStatus.Changed, $"restored release {id} ({manifest.Reason}, {manifest.CreatedAt.UtcDateTime:u}): code and database together") { Details = details };
    }
}
