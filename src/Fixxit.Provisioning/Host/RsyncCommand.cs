using Fixxit.EnvConfig;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.Provisioning.Host;

/// <summary>
/// rsync command lines, run ON the host (both trees live there). <c>-a</c> keeps modes, times and links;
/// <c>--omit-dir-times</c> keeps a directory's mtime out of the comparison (rendering a file into a folder changes it,
/// and that is not a difference in code); <c>--itemize-changes</c> lists exactly what differs, which is both the plan's
/// diff and the idempotence check. No <c>--delete</c> into the live tree: files only prod has are never removed.
/// </summary>
internal static partial class RsyncCommand
{
    /// <summary>What the copy never touches in the target: files produced by other steps, and the live database.</summary>
    public static IReadOnlyList<string> ManagedByOtherSteps(AppEnvironment target) =>
    [
        "/" + target.Commands.Script,
        "/backend/.env",
        "/backend/venv",
        .. DatabaseFiles(target),
    ];

    /// <summary>The live database and its companions (and our own staging names), anchored at the tree root.</summary>
    public static IReadOnlyList<string> DatabaseFiles(AppEnvironment target) =>
    [
        "/" + target.Database.Path,
        "/" + target.Database.Path + "-wal",
        "/" + target.Database.Path + "-shm",
        "/" + target.Database.Path + "-journal",
        "/" + Path.GetDirectoryName(target.Database.Path)!.Replace('\\', '/') + "/.fixxit-*",
    ];

    /// <summary>The tree copy dev → prod: the declared exclusions plus <see cref="ManagedByOtherSteps"/>.</summary>
    public static string Sync(AppEnvironment source, AppEnvironment target, bool dryRun) =>
        Build(source.Directory, target.Directory, [.. target.CopyExclusions, .. ManagedByOtherSteps(target)], dryRun, delete: false, linkDest: null);

    /// <summary>A release's code snapshot of the target: everything but what is rebuilt (deps, caches, logs) and the DB (backed up separately).</summary>
    public static string Snapshot(AppEnvironment target, string destination, string? linkDest) =>
        Build(target.Directory, destination, SnapshotExclusions(target), dryRun: false, delete: false, linkDest);

    /// <summary>Puts a release's code back exactly (<c>--delete</c>, but excluded paths — logs, deps, DB — are protected).</summary>
    public static string Restore(string releaseCode, AppEnvironment target, bool dryRun) =>
        Build(releaseCode, target.Directory, SnapshotExclusions(target), dryRun, delete: true, linkDest: null);

    public static IReadOnlyList<string> SnapshotExclusions(AppEnvironment target) =>
        [.. target.CopyExclusions, "/backend/venv", .. DatabaseFiles(target)];

    /// <summary>The changed items of an itemized run (one per line), without rsync's own noise.</summary>
    public static IReadOnlyList<string> Changes(string itemizedOutput) =>
        itemizedOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd())
            .Where(l => Itemized().IsMatch(l))
            .Where(l => !(l.StartsWith(".d", StringComparison.Ordinal) && l[2..11].All(c => c is '.' or 't' or 'T')))
            .ToList();

    // "YXcstpoguax path": update type, file type, nine attribute flags; or "*deleting path".
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[<>ch.][fdLDS][.+?a-zA-Z]{9}|\*deleting  ) ")]
    private static partial System.Text.RegularExpressions.Regex Itemized();

    private static string Build(string from, string to, IEnumerable<string> exclusions, bool dryRun, bool delete, string? linkDest)
    {
        var words = new List<string> { "rsync", "-a", "--omit-dir-times", "--itemize-changes" };
        if (dryRun) words.Add("--dry-run");
        if (delete) words.Add("--delete");
        if (linkDest is not null) words.Add($"--link-dest={linkDest}");
        words.AddRange(exclusions.Distinct(StringComparer.Ordinal).Select(e => $"--exclude={e}"));
        words.Add(from.TrimEnd('/') + "/");
        words.Add(to.TrimEnd('/') + "/");
        var parent = Path.GetDirectoryName(to.TrimEnd('/'))!;
        return $"mkdir -p {ShellQuote.Quote(parent)} && {ShellQuote.Join(words)}";
    }
}
