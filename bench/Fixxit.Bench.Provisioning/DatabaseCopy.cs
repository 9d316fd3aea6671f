using System.Diagnostics;
using Fixxit.EnvConfig.Database;
using Microsoft.Data.Sqlite;

namespace Fixxit.Bench.Provisioning;

/// <summary>
/// A ~200 MB WAL-mode database with a writer committing continuously (as a live dev app would): the provisioner's
/// online backup (<c>sqlite3 .backup</c>) vs <c>cp</c> of the file. Time, integrity of the copy, and rows lost to the
/// <c>-wal</c> file that <c>cp</c> leaves behind.
/// </summary>
internal static class DatabaseCopy
{
    public static async Task RunAsync(string dir, int megabytes, int runs, Table table)
    {
        Directory.CreateDirectory(dir);
        var source = Path.Combine(dir, "webui.db");
        Build(source, megabytes);
        var size = new FileInfo(source).Length / 1048576.0;

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() => Write(source, stop.Token));
        try
        {
            for (var i = 0; i < runs; i++)
            {
                var backup = Path.Combine(dir, $"backup-{i}.db");
                var ms = await TimeAsync("sqlite3", "-readonly", source, $".backup '{backup}'");
                var (ok, rows) = Check(backup);
                table.Add($"DB snapshot: online backup (sqlite3 .backup) of {size:0} MB while writing", ms, $"integrity {(ok ? "ok" : "FAILED")}, consistent snapshot");

                var copy = Path.Combine(dir, $"cp-{i}.db");
                var cpMs = await TimeAsync("cp", source, copy);
                var (cpOk, cpRows) = Check(copy);
                table.Add($"DB snapshot: cp of the live {size:0} MB file while writing", cpMs,
                    $"integrity {(cpOk ? "ok" : "FAILED")}; -wal left behind: {Math.Max(0, rows - cpRows)} committed rows missing in run {i + 1}");
                File.Delete(backup);
                File.Delete(copy);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
    }

    private static void Build(string path, int megabytes)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        Exec(c, "PRAGMA journal_mode=WAL; CREATE TABLE chat (id INTEGER PRIMARY KEY, user_id TEXT, title TEXT, chat TEXT, created_at INTEGER);");
        var payload = new string('x', 4000);
        var rows = megabytes * 1048576L / 4100;
        for (long done = 0; done < rows; done += 5000)
        {
            using var tx = c.BeginTransaction();
            using var insert = c.CreateCommand();
            insert.CommandText = "INSERT INTO chat (user_id, title, chat, created_at) VALUES ('u', 't', $chat, 0)";
            var p = insert.Parameters.Add("$chat", SqliteType.Text);
            for (var i = 0; i < 5000 && done + i < rows; i++)
            {
                p.Value = payload;
                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }

        Exec(c, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static void Write(string path, CancellationToken stop)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        c.Open();
        Exec(c, "PRAGMA wal_autocheckpoint=0;"); // let the WAL grow as it does between checkpoints of a busy app
        var payload = new string('y', 2000);
        while (!stop.IsCancellationRequested)
        {
            using var insert = c.CreateCommand();
            insert.CommandText = "INSERT INTO chat (user_id, title, chat, created_at) VALUES ('w', 'live', $chat, 1)";
            insert.Parameters.AddWithValue("$chat", payload);
            insert.ExecuteNonQuery();
            Thread.Sleep(2);
        }
    }

    private static (bool Ok, long Rows) Check(string path)
    {
        try
        {
            using var db = OpenWebUiDatabase.OpenReadOnly(path);
            return (db.CheckIntegrity().IsOk, db.CountRows("chat"));
        }
        catch (OpenWebUiDatabaseException)
        {
            return (false, 0);
        }
    }

    private static async Task<double> TimeAsync(string program, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {await process.StandardError.ReadToEndAsync()}");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
