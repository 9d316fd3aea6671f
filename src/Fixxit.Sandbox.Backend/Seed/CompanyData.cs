namespace Fixxit.Sandbox.Backend.Seed;

/// <summary>
/// The fictional company the seed populates. E-mail addresses use the reserved <c>.test</c> top-level domain, which
/// never resolves.
/// </summary>
public static class CompanyData
{
    public const string EmailDomain = "fixxit-sandbox.test";

    public static readonly string[] Groups = ["Engineering", "Finance", "Marketing", "Sales", "Support"];

    public static readonly Dictionary<string, string> GroupDescriptions = new(StringComparer.Ordinal)
    {
        ["Engineering"] = "Product and platform engineers", ["Finance"] = "Accounting and payroll", ["Marketing"] = "Campaigns and content",
        ["Sales"] = "Account executives and sales engineers", ["Support"] = "Customer support desk",
    };

    public sealed record Person(string Name, string Role, string[] Groups, string[] Manages);

    public static readonly Person Admin = new("Dana Whitfield", "admin", [], []);

    /// <summary>The manager the credentials file names: manages Engineering and Support.</summary>
    public static readonly Person Manager = new("Priya Raman", "manager", ["Engineering"], ["Engineering", "Support"]);

    public static readonly Person User = new("Sam Patel", "user", ["Engineering"], []);

    public static readonly Person Pending = new("Jamie Lee", "pending", [], []);

    public static readonly Person[] Others =
    [
        new("Marcus Okafor", "manager", ["Sales"], ["Sales", "Marketing"]),
        new("Elena Novak", "user", ["Engineering"], []),
        new("Tom Becker", "user", ["Support"], []),
        new("Aisha Khan", "user", ["Support", "Engineering"], []),
        new("Luis Romero", "user", ["Sales"], []),
        new("Grace Kim", "user", ["Marketing"], []),
        new("Oliver Smith", "user", ["Finance"], []),
        new("Nora Jensen", "user", ["Finance", "Sales"], []),
    ];

    public static readonly string[] FirstNames = ["Alex", "Bea", "Chris", "Dev", "Eve", "Finn", "Gia", "Hugo", "Ivy", "Jon", "Kai", "Lea", "Max", "Nia", "Owen", "Pia"];

    public static readonly string[] LastNames = ["Adams", "Brooks", "Costa", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones", "Klein", "Lopez"];

    public static readonly string[] Prompts =
    [
        "Summarise the incident report from last night", "Draft a reply to the customer about the delayed invoice",
        "Explain the difference between our two pricing plans", "Write release notes for version 2.4",
        "What is our on-call rotation policy?", "Translate this paragraph into German", "Suggest a title for the quarterly review",
        "List the steps to rotate the database password", "How do I request access to the staging server?", "Review this SQL query for performance",
    ];

    public static readonly (string Name, string Host, string Username)[] LogSources =
    [
        ("web-01", "web-01.internal.test", "logreader"), ("db-01", "db-01.internal.test", "logreader"), ("worker-01", "worker-01.internal.test", "svc-logs"),
    ];

    public static readonly (string Level, string Message)[] LogTemplates =
    [
        ("INFO", "GET /api/v1/chats/ 200 in {0} ms"), ("INFO", "User signed in: user-{0}"), ("INFO", "Background job sync-users finished in {0} ms"),
        ("DEBUG", "Cache hit ratio {0}%"), ("DEBUG", "Connection pool size {0}"), ("WARNING", "Slow query took {0} ms"),
        ("WARNING", "Disk usage at {0}% on /var"), ("ERROR", "Upstream timeout after {0} ms"), ("ERROR", "Failed to send invitation email (attempt {0})"),
        ("CRITICAL", "Worker crashed with exit code {0}"), ("INFO", "Nightly backup completed ({0} MB)"), ("INFO", "Invitation accepted by user-{0}"),
    ];

    public static string EmailOf(string name) => $"{name.ToLowerInvariant().Replace(' ', '.')}@{EmailDomain}";
}
