namespace Fixxit.OpenWebUi.Database;

/// <summary>Rows in Open WebUI's main tables; null when the table does not exist (a fresh or foreign database).</summary>
public sealed record RowCounts(long? Users, long? Groups, long? Chats)
{
    public override string ToString() => $"users={Show(Users)} groups={Show(Groups)} chats={Show(Chats)}";

    private static string Show(long? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(no table)";
}
