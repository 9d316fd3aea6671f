using System.Diagnostics;
using Fixxit.OpenWebUi.Database;
using Microsoft.Data.Sqlite;

namespace Fixxit.Bench.Provisioning;

/// <summary>
/// A ~200 MB WAL-mode database with a writer committing continuously (as a live dev app would): the provisioner's
/// online backup (<c>sqlite3 .backup</c>) vs <c>cp</c> of the file. Time, integrity of the copy, and rows lost to the
/// <c>-wal</c> file that <c>cp</c> leaves behind. Also the shell's plain <c>.backup</c>, which a busy writer starves.
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
            await Task.Delay(1000); // let the writer build up a WAL, as a busy app has
            for (var i = 0; i < runs; i++)
            {
                var backup = Path.Combine(dir, $"backup-{i}.db");
                var script = $"BEGIN;\nSELECT count(*) FROM chat;\n.backup '{backup}'\nCOMMIT;\n";
                var ms = await TimeAsync(TimeSpan.FromMinutes(5), "/bin/sh", "-c", $"printf '%s' \"{script}\" | sqlite3 -readonly -batch {source} >/dev/null");
                var (ok, rows) = Check(backup);
                table.Add($"DB snapshot: online backup inside one read transaction (what apply/backup/snapshot run), {size:0} MB live", ms ?? double.NaN,
                    $"integrity {(ok ? "ok" : "FAILED")}; a consistent snapshot ({rows} rows)");

                var copy = Path.Combine(dir, $"cp-{i}.db");
                var cpMs = await TimeAsync(TimeSpan.FromMinutes(5), "cp", source, copy);
                var live = LiveRows(source);
                var wal = new FileInfo(source + "-wal").Length / 1048576.0;
                var (cpOk, cpRows) = Check(copy);
                table.Add($"DB snapshot: cp of the live {size:0} MB file", cpMs ?? double.NaN,
                    $"run {i + 1}: integrity {(cpOk ? "ok" : "FAILED")}, {Math.Max(0, live - cpRows)} committed rows missing (left in the {wal:0} MB -wal cp does not copy)");
                File.Delete(backup);
                File.Delete(copy);
            }

            // The shell's plain .backup releases its read lock between steps: every commit by the app restarts it.
            var plain = Path.Combine(dir, "plain.db");
            var plainMs = await TimeAsync(TimeSpan.FromSeconds(60), "sqlite3", "-readonly", source, $".backup '{plain}'");
            table.Add($"DB snapshot: plain `sqlite3 .backup` (no read transaction), {size:0} MB live", plainMs ?? 60000,
                plainMs is null ? "did NOT finish within 60 s: restarted by every commit of the writer (killed)" : "finished");
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
    }

    private static long LiveRows(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM chat";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
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

    /// <summary>Milliseconds, or null when it did not finish in time (then it is killed by its pid).</summary>
    private static async Task<double?> TimeAsync(TimeSpan limit, string program, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return null;
        }

        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {await stderr}");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
