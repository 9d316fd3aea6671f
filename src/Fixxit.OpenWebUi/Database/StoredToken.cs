namespace Fixxit.OpenWebUi.Database;

/// <summary>A Fernet token stored in a column, with the row it came from (<c>id=…</c> when the table has an id, else <c>rowid=…</c>).</summary>
public sealed record StoredToken(string Row, string Token)
{
    /// <summary>The token is ciphertext, but still not for output: show only the row.</summary>
    public override string ToString() => $"token at {Row}";
}
