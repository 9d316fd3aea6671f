using System.Globalization;
using Fixxit.Nightly.Results;
using Microsoft.Data.Sqlite;

namespace Fixxit.Nightly.History;

/// <summary>
/// The nightly history: a SQLite database of runs, their scenarios and the alerts sent. It lives outside every report
/// folder (report folders go to stakeholders and never hold a database file). Texts are stored as given: callers
/// record results that were already masked by the run that wrote them.
/// </summary>
public sealed class HistoryStore : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            target TEXT NOT NULL,
            app_version TEXT,
            started_at TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            verdict TEXT NOT NULL,
            report_path TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS scenarios (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            scenario_id TEXT NOT NULL,
            line TEXT NOT NULL,
            location TEXT,
            outcome TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            first_failure TEXT,
            flaky INTEGER NOT NULL,
            PRIMARY KEY (run_id, scenario_id));
        CREATE TABLE IF NOT EXISTS alerts (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            channel TEXT NOT NULL,
            delivered INTEGER NOT NULL,
            error TEXT,
            at TEXT NOT NULL);
        """;

    private readonly SqliteConnection _connection;

    private HistoryStore(SqliteConnection connection) => _connection = connection;

    public string Path { get; private init; } = string.Empty;

    public static HistoryStore Open(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = false }.ToString());
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }

        return new HistoryStore(connection) { Path = path };
    }

    /// <summary>Records a run and all its scenarios in one transaction; returns the run's id.</summary>
    public long Record(string target, RunResult run)
    {
        using var transaction = _connection.BeginTransaction();
        long id;
        using (var insert = Command("""
            INSERT INTO runs (target, app_version, started_at, duration_ms, verdict, report_path)
            VALUES ($target, $version, $started, $duration, $verdict, $report) RETURNING id
            """, transaction))
        {
            insert.Parameters.AddWithValue("$target", target);
            insert.Parameters.AddWithValue("$version", (object?)run.AppVersion ?? DBNull.Value);
            insert.Parameters.AddWithValue("$started", Stamp(run.StartedAt));
            insert.Parameters.AddWithValue("$duration", (long)run.Duration.TotalMilliseconds);
            insert.Parameters.AddWithValue("$verdict", run.Verdict);
            insert.Parameters.AddWithValue("$report", run.ReportFolder);
            id = (long)insert.ExecuteScalar()!;
        }

        foreach (var s in run.Scenarios)
        {
            using var row = Command("""
                INSERT OR REPLACE INTO scenarios (run_id, scenario_id, line, location, outcome, duration_ms, first_failure, flaky)
                VALUES ($run, $id, $line, $location, $outcome, $duration, $failure, $flaky)
                """, transaction);
            row.Parameters.AddWithValue("$run", id);
            row.Parameters.AddWithValue("$id", s.Id);
            row.Parameters.AddWithValue("$line", s.Line);
            row.Parameters.AddWithValue("$location", (object?)s.Location ?? DBNull.Value);
            row.Parameters.AddWithValue("$outcome", s.Outcome.ToString());
            row.Parameters.AddWithValue("$duration", (long)s.Duration.TotalMilliseconds);
            row.Parameters.AddWithValue("$failure", (object?)s.FirstFailureLine ?? DBNull.Value);
            row.Parameters.AddWithValue("$flaky", s.Flaky ? 1 : 0);
            row.ExecuteNonQuery();
        }

        transaction.Commit();
        return id;
    }

    public void RecordAlert(long runId, string kind, string channel, bool delivered, string? error, DateTimeOffset at)
    {
        using var command = Command("INSERT INTO alerts (run_id, kind, channel, delivered, error, at) VALUES ($run, $kind, $channel, $ok, $error, $at)");
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$channel", channel);
        command.Parameters.AddWithValue("$ok", delivered ? 1 : 0);
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", Stamp(at));
        command.ExecuteNonQuery();
    }

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<RecordedRun> Runs()
    {
        using var command = Command("SELECT id, target, app_version, started_at, duration_ms, verdict, report_path FROM runs ORDER BY started_at, id");
        using var reader = command.ExecuteReader();
        var runs = new List<RecordedRun>();
        while (reader.Read())
        {
            runs.Add(new RecordedRun(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                Parse(reader.GetString(3)), TimeSpan.FromMilliseconds(reader.GetInt64(4)), reader.GetString(5), reader.GetString(6)));
        }

        return runs;
    }

    /// <summary>Every scenario result, oldest run first.</summary>
    public IReadOnlyList<RecordedScenario> Scenarios()
    {
        using var command = Command("""
            SELECT s.run_id, r.started_at, s.scenario_id, s.line, s.location, s.outcome, s.duration_ms, s.first_failure, s.flaky
            FROM scenarios s JOIN runs r ON r.id = s.run_id ORDER BY r.started_at, r.id, s.scenario_id
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<RecordedScenario>();
        while (reader.Read())
        {
            rows.Add(new RecordedScenario(
                reader.GetInt64(0), Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Enum.Parse<ScenarioOutcome>(reader.GetString(5)),
                TimeSpan.FromMilliseconds(reader.GetInt64(6)), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt64(8) != 0));
        }

        return rows;
    }

    /// <summary>(run id, kind, channel, delivered) of every alert, oldest first.</summary>
    public IReadOnlyList<(long RunId, string Kind, string Channel, bool Delivered)> Alerts()
    {
        using var command = Command("SELECT run_id, kind, channel, delivered FROM alerts ORDER BY at, rowid");
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, string, bool)>();
        while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0));
        return rows;
    }

    /// <summary>Deletes runs (their scenarios and alerts cascade) by id.</summary>
    public void Delete(IEnumerable<long> runIds)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var id in runIds)
        {
            using var command = Command("DELETE FROM runs WHERE id = $id", transaction);
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void Dispose() => _connection.Dispose();

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    // ISO 8601 in UTC with a fixed width, so text order is time order.
    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
