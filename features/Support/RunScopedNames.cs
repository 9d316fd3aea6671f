namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// Names for what @mutating scenarios create: a fixed prefix (so the sweeper can find leftovers of crashed runs), the run
/// id (so parallel runs never collide), and a purpose. Emails use example.com, which never receives mail.
/// </summary>
public sealed class RunScopedNames(string runId)
{
    public const string Prefix = "fixxit-check-";

    public const string EmailDomain = "example.com";

    private int _counter;

    public string Email(string purpose) => $"{Prefix}{runId}-{purpose}-{Interlocked.Increment(ref _counter)}@{EmailDomain}";

    public string Title(string purpose) => $"{Prefix}{runId} {purpose}";

    public static bool IsCheckEmail(string? email) =>
        email is not null && email.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && email.EndsWith("@" + EmailDomain, StringComparison.OrdinalIgnoreCase);

    public static bool IsCheckTitle(string? title) => title is not null && title.StartsWith(Prefix, StringComparison.Ordinal);
}
