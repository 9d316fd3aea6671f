using Fixxit.Checklist.Specs.Gate;
using Microsoft.Data.Sqlite;

namespace Fixxit.Checklist.Specs;

/// <summary>The "database unchanged" comparison sees a write, and ignores only user.last_active_at.</summary>
public sealed class DatabaseContentsSpecs
{
    [Test]
    public void A_changed_row_is_seen_and_a_touched_last_active_at_is_not()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fixxit-db-contents-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "webui.db");
        try
        {
            Execute(path, "CREATE TABLE user (id TEXT, name TEXT, last_active_at INTEGER); INSERT INTO user VALUES ('u1', 'Ada', 1);" +
                          "CREATE TABLE invitation (id TEXT, status TEXT); INSERT INTO invitation VALUES ('i1', 'pending');");
            var before = DatabaseContents.Read(path, folder);

            Execute(path, "UPDATE user SET last_active_at = 2;");
            DatabaseContents.Read(path, folder).Should().BeEquivalentTo(before, "reading is activity: last_active_at is bookkeeping");

            Execute(path, "UPDATE invitation SET status = 'revoked';");
            DatabaseContents.Read(path, folder).Should().NotBeEquivalentTo(before);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
