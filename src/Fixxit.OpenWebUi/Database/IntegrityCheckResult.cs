namespace Fixxit.OpenWebUi.Database;

/// <summary>What <c>PRAGMA integrity_check</c> said: <c>ok</c>, or the list of defects.</summary>
public sealed record IntegrityCheckResult(string DatabasePath, IReadOnlyList<string> Messages)
{
    public bool IsOk => Messages.Count == 1 && Messages[0] == "ok";

    public override string ToString() =>
        IsOk ? $"{DatabasePath}: integrity ok" : $"{DatabasePath}: integrity check failed: {string.Join("; ", Messages.Take(5))}";
}
