namespace Fixxit.OpenWebUi.Database;

/// <summary>The database could not be used as asked. The message names the file and says what to do.</summary>
public sealed class OpenWebUiDatabaseException : Exception
{
    public OpenWebUiDatabaseException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        DatabasePath = path;
        Reason = reason;
    }

    public OpenWebUiDatabaseException() { }

    public OpenWebUiDatabaseException(string message) : base(message) { }

    public OpenWebUiDatabaseException(string message, Exception inner) : base(message, inner) { }

    public string DatabasePath { get; } = string.Empty;

    public string Reason { get; } = string.Empty;

    /// <summary>SQLite's primary result code when SQLite raised it (5 busy, 11 corrupt, 26 not a database …), else null.</summary>
    public int? SqliteErrorCode => InnerException is Microsoft.Data.Sqlite.SqliteException e ? e.SqliteErrorCode & 0xFF : null;
}
