using Microsoft.Data.Sqlite;

namespace Fixxit.OpenWebUi.Database;

/// <summary>Turns SQLite's result codes into messages a person can act on, naming the file.</summary>
internal static class SqliteFailures
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int Corrupt = 11;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static OpenWebUiDatabaseException Explain(string path, string doing, SqliteException e) =>
        new(path, (e.SqliteErrorCode & 0xFF) switch
        {
            Busy or Locked => $"the database is locked while {doing} (another process is writing to it; retry when it is idle or use the online backup)",
            ReadOnly => $"the database is read-only while {doing} (open a writable copy instead of the live file)",
            Corrupt => $"the database is corrupt ({e.Message.TrimEnd('.')}) while {doing}; restore it from a backup",
            NotADatabase => $"the file is not a SQLite database, or is corrupt, while {doing}",
            CantOpen => $"the database cannot be opened while {doing} (missing, a directory, or no permission)",
            _ => $"SQLite error {e.SqliteErrorCode} while {doing}: {e.Message}",
        }, e);

    public static T Guard<T>(string path, string doing, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw Explain(path, doing, e);
        }
    }
}
