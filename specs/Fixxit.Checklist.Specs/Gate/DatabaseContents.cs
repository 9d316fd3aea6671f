using Fixxit.OpenWebUi.Database;
using Microsoft.Data.Sqlite;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// Every row of every table of a live database, read from an online-backup copy, as text for comparison. The one
/// column left out is <c>user.last_active_at</c>: Open WebUI stamps it on every authenticated request (reading is
/// activity), so it is bookkeeping, not data a read-only check may be blamed for.
/// </summary>
public static class DatabaseContents
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string liveDatabase, string scratchFolder)
    {
        var copy = Path.Combine(scratchFolder, $"contents-{Guid.NewGuid():N}.db");
        using (var live = OpenWebUiDatabase.OpenReadOnly(liveDatabase)) live.BackupTo(copy);
        try
        {
            var tables = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            var names = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
                using var reader = list.ExecuteReader();
                while (reader.Read()) names.Add(reader.GetString(0));
            }

            foreach (var table in names)
            {
                using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                using var reader = select.ExecuteReader();
                var rows = new List<string>();
                while (reader.Read())
                {
                    var cells = Enumerable.Range(0, reader.FieldCount)
                        .Where(i => !(table == "user" && reader.GetName(i) == "last_active_at"))
                        .Select(i => reader.GetName(i) + "=" + (reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
                    rows.Add(string.Join("|", cells));
                }

                rows.Sort(StringComparer.Ordinal);
                tables[table] = rows;
            }

            return tables;
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
