using System.Collections.Concurrent;
using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;
using Fixxit.OpenWebUi.Database;
using Fixxit.Remote;
using Fixxit.Evidence;
using Fixxit.Gherkin.NUnit;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// Read-only copies of each environment's live <c>webui.db</c>: taken ON the host with SQLite's online backup (never
/// <c>cp</c> of a live WAL database), downloaded over SFTP into the run's private scratch folder (never the report
/// folder: a database holds people's emails, password hashes and chats), the remote copy removed, and opened read-only
/// with <see cref="OpenWebUiDatabase"/>. One snapshot per environment per run; the report keeps only its evidence (hash,
/// tables, rows) in the run header.
/// </summary>
public sealed class DatabaseSnapshots(ServerConnection server, PrivateScratch scratch)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _snapshots = new(StringComparer.Ordinal);

    /// <summary>Opens this run's snapshot of <paramref name="environment"/>'s database (taking it on first use).</summary>
    public async Task<OpenWebUiDatabase> OpenAsync(AppEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = await _snapshots.GetOrAdd(environment.Name, _ => new Lazy<Task<string>>(() => TakeAsync(environment))).Value.ConfigureAwait(false);
        return OpenWebUiDatabase.OpenReadOnly(path);
    }

    private async Task<string> TakeAsync(AppEnvironment environment)
    {
        var live = environment.PathOf(environment.Database.Path);
        var remoteDir = (await server.RunAsync("mktemp -d -t fixxit-snapshot.XXXXXX").ConfigureAwait(false)).StdOut.Trim();
        if (remoteDir.Length == 0) throw new ChecklistFailure($"cannot snapshot {environment.Name}'s database: mktemp -d failed on the host");
        var remote = remoteDir + "/webui.db";
        try
        {
            var backup = await server.RunAsync(OnlineBackupCommand(live, remote)).ConfigureAwait(false);
            if (!backup.Succeeded)
            {
                throw new ChecklistFailure(
                    $"{environment.Name}'s database {live} cannot be snapshotted with SQLite's online backup",
                    (backup.StdErr + backup.StdOut).Trim());
            }

            var local = Path.Combine(scratch.Folder("db"), $"{environment.Name}-webui.db");
            var session = await server.SessionAsync().ConfigureAwait(false);
            await session.DownloadAsync(remote, local).ConfigureAwait(false);
            RunHeader.Current.Set($"{environment.Name} database snapshot", Evidence(local));
            return local;
        }
        finally
        {
            await server.RunAsync("rm -rf " + ShellQuote.Quote(remoteDir)).ConfigureAwait(false);
        }
    }

    /// <summary>What the report may say about a snapshot: its hash and size in rows, never its content.</summary>
    internal static string Evidence(string snapshot)
    {
        string hash;
        using (var file = File.OpenRead(snapshot))
        {
            hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        }

        using var db = OpenWebUiDatabase.OpenReadOnly(snapshot);
        var tables = db.Tables();
        var rows = tables.Sum(db.CountRows);
        return $"sha256:{hash[..16]}, {tables.Count} tables, {rows} rows (taken with SQLite's online backup, read from a private copy that is not kept)";
    }

    /// <summary>sqlite3's <c>.backup</c> (the backup API) on a read-only handle; Python's sqlite3 module where the CLI is absent.</summary>
    internal static string OnlineBackupCommand(string live, string copy)
    {
        var db = ShellQuote.Quote(live);
        var dest = ShellQuote.Quote(copy);
        var python = ShellQuote.Quote(
            "import sqlite3,sys\nsrc=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro',uri=True)\ndst=sqlite3.connect(sys.argv[2])\nsrc.backup(dst)\ndst.close()\nsrc.close()");
        return $"test -f {db} || {{ echo 'no such database file' >&2; exit 3; }}; " +
               $"if command -v sqlite3 >/dev/null 2>&1; then sqlite3 -readonly {db} \".backup '{copy}'\"; " +
               $"else python3 -c {python} {db} {dest}; fi";
    }
}
