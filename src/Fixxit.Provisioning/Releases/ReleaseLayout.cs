using Fixxit.EnvConfig;

namespace Fixxit.Provisioning.Releases;

/// <summary>
/// Where releases, backups, the journal and the lock of one environment live on its host: a SIBLING of the environment
/// directory (<c>&lt;dir&gt;-releases</c>), never inside it, so rsync never copies them and FIX007 (nested
/// directories) cannot trip.
/// </summary>
public sealed record ReleaseLayout(string Root)
{
    public const string Suffix = "-releases";

    public static ReleaseLayout For(AppEnvironment environment) => new(environment.Directory.TrimEnd('/') + Suffix);

    /// <summary>One folder per release: <c>&lt;UTC yyyyMMddTHHmmssZ&gt;-&lt;short id&gt;</c>, so names sort by time.</summary>
    public string Releases => $"{Root}/releases";

    public string Backups => $"{Root}/backups";

    /// <summary>Newline-delimited JSON, one line per run: who, when, what, outcome.</summary>
    public string Journal => $"{Root}/journal.ndjson";

    /// <summary>A directory, created atomically with <c>mkdir</c>; <c>holder.json</c> inside names the holder.</summary>
    public string Lock => $"{Root}/deploy.lock";

    public string LockHolder => $"{Lock}/holder.json";

    /// <summary>What is deployed now (dev commit, key fingerprints, the release taken before it).</summary>
    public string Current => $"{Root}/current.json";

    public string Release(string id) => $"{Releases}/{id}";

    public static string CodeOf(string releaseDirectory) => $"{releaseDirectory}/code";

    public static string DatabaseOf(string releaseDirectory) => $"{releaseDirectory}/webui.db";

    public static string ManifestOf(string releaseDirectory) => $"{releaseDirectory}/manifest.json";

    /// <summary>A release being written; renamed to its final name only when complete, so a kill leaves no half release.</summary>
    public static string Staging(string releaseDirectory) => releaseDirectory + ".partial";

    public static string NewReleaseId(DateTimeOffset now, string runId) => $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{runId[..6]}";
}
