using System.Text.RegularExpressions;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;
using Fixxit.Provisioning.Releases;

namespace Fixxit.Provisioning.Steps;

/// <summary>
/// Step 2: a release of the current target — code and database together — taken only when this run is about to change
/// something. Code is an rsync snapshot hard-linked (<c>--link-dest</c>) against the previous release, the database an
/// online backup checked with <c>integrity_check</c>; written under a <c>.partial</c> name and renamed when complete.
/// </summary>
internal static partial class SnapshotStep
{
    public const string Name = "snapshot";
    public const string Title = "Snapshot the current release (code + DB)";

    public static async Task<string> TakeAsync(DeployContext ctx, string reason)
    {
        var t = ctx.Target;
        var id = ReleaseLayout.NewReleaseId(DateTimeOffset.UtcNow, ctx.RunId);
        var final = ctx.Layout.Release(id);
        var staging = ReleaseLayout.Staging(final);
        var previous = await LatestAsync(ctx).ConfigureAwait(false);
        await ctx.RunCheckedAsync($"mkdir -p {DeployContext.Q(ctx.Layout.Releases)} && rm -rf {DeployContext.Q(ctx.Layout.Releases)}/*.partial && mkdir -p {DeployContext.Q(staging)}").ConfigureAwait(false);
        var linkDest = previous is null ? null : ReleaseLayout.CodeOf(ctx.Layout.Release(previous));
        var copy = await ctx.RunAsync(RsyncCommand.Snapshot(t, ReleaseLayout.CodeOf(staging), linkDest)).ConfigureAwait(false);
        if (!copy.Succeeded) throw new ProvisioningException(FailureKind.StepFailed, $"snapshot of {t.Directory} failed: {copy.StdErr.Trim()}");

        Dictionary<string, long> counts = [];
        string? integrity = null;
        if (ctx.TargetHasDatabase)
        {
            counts = await HostSqlite.BackupAsync(ctx.Ssh, t.PathOf(t.Database.Path), ReleaseLayout.DatabaseOf(staging), ctx.Ct).ConfigureAwait(false);
            integrity = await HostSqlite.IntegrityCheckAsync(ctx.Ssh, ReleaseLayout.DatabaseOf(staging), ctx.Ct).ConfigureAwait(false);
            if (integrity != "ok") throw new ProvisioningException(FailureKind.StepFailed, $"the snapshot of {t.Name}'s database fails its integrity check: {integrity}");
        }

        var version = await ctx.RunAsync($"sed -n 's/^ *\"version\": *\"\\([^\"]*\\)\".*/\\1/p' {DeployContext.Q(t.PathOf("package.json"))} | head -1").ConfigureAwait(false);
        var current = await ctx.RunAsync($"cat {DeployContext.Q(ctx.Layout.Current)} 2>/dev/null").ConfigureAwait(false);
        var manifest = new ReleaseManifest
        {
            Id = id,
            Environment = t.Name,
            CreatedAt = DateTimeOffset.UtcNow,
            Reason = reason,
            RunId = ctx.RunId,
            SourceCommit = CommitIn(current.StdOut),
            Version = version.StdOut.Trim() is { Length: > 0 } v ? v : null,
            KeyFingerprints = new Dictionary<string, string>(ctx.KeyFingerprints),
            RowCounts = counts,
            Integrity = integrity,
            HasDatabase = ctx.TargetHasDatabase,
            WasRunning = ctx.TargetWasRunning,
        };
        await ctx.Ssh.WriteFileAtomicAsync(ReleaseLayout.ManifestOf(staging), manifest.ToJson(), "644", ctx.Ct).ConfigureAwait(false);
        await ctx.RunCheckedAsync($"mv {DeployContext.Q(staging)} {DeployContext.Q(final)}").ConfigureAwait(false);
        ctx.SnapshotRelease = id;
        return id;
    }

    /// <summary>Release folder names, oldest first (the names sort by time).</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(DeployContext ctx)
    {
        var result = await ctx.RunAsync($"ls -1 {DeployContext.Q(ctx.Layout.Releases)} 2>/dev/null").ConfigureAwait(false);
        return result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => ReleaseName().IsMatch(n)).Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<string?> LatestAsync(DeployContext ctx) => (await ListAsync(ctx).ConfigureAwait(false)).LastOrDefault();

    /// <summary>Removes all but the newest <paramref name="keep"/> releases.</summary>
    public static async Task<IReadOnlyList<string>> PruneAsync(DeployContext ctx, int keep)
    {
        var all = await ListAsync(ctx).ConfigureAwait(false);
        var doomed = all.Take(Math.Max(0, all.Count - Math.Max(1, keep))).ToList();
        if (doomed.Count > 0) await ctx.RunCheckedAsync("rm -rf " + string.Join(' ', doomed.Select(d => DeployContext.Q(ctx.Layout.Release(d))))).ConfigureAwait(false);
        return doomed;
    }

    private static string? CommitIn(string currentJson)
    {
        var m = Regex.Match(currentJson, "\"sourceCommit\"\\s*:\\s*\"([^\"]+)\"", RegexOptions.None, TimeSpan.FromSeconds(1));
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^\d{8}T\d{6}Z-[0-9a-f]{6}$")]
    private static partial Regex ReleaseName();
}
