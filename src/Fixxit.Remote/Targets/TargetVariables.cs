namespace Fixxit.Remote.Targets;

/// <summary>
/// THE settings contract for reaching a real server, shared by the CLI (<c>--topology fixxit</c>) and the checklist
/// (<c>runsettings/dev|prod|nightly.runsettings</c>): one name per fact, one list (docs/running-against-production.md
/// prints the same). A name in one of the contract's families that is not in the list is refused as a misspelling.
/// </summary>
public static class TargetVariables
{
    public const string ServerAddress = "FIXXIT_SERVER_ADDRESS";
    public const string SshKeyFile = "FIXXIT_SSH_KEY_FILE";
    public const string HostKeySha256 = "FIXXIT_SSH_HOST_KEY_SHA256";
    public const string TrustedRootFile = "FIXXIT_TRUSTED_ROOT_FILE";
    public const string AdminEmail = "FIXXIT_ADMIN_EMAIL";
    public const string AdminPassword = "FIXXIT_ADMIN_PASSWORD";
    public const string ManagerEmail = "FIXXIT_MANAGER_EMAIL";
    public const string ManagerPassword = "FIXXIT_MANAGER_PASSWORD";
    public const string UserEmail = "FIXXIT_USER_EMAIL";
    public const string UserPassword = "FIXXIT_USER_PASSWORD";
    public const string ManagerGroups = "FIXXIT_MANAGER_GROUPS";
    public const string PendingEmail = "FIXXIT_PENDING_EMAIL";
    public const string PendingPassword = "FIXXIT_PENDING_PASSWORD";

    /// <summary>Every variable of the contract: name, who reads it, whether it must be set, what it holds.</summary>
    public static readonly IReadOnlyList<TargetVariable> All =
    [
        new(ServerAddress, "CLI and checklist", false, "the server's IP address, to verify a server before DNS points at it: app.fixxit.ai and dev.fixxit.ai are mapped to it and DNS is not asked. Unset: the names are resolved by DNS."),
        new(SshKeyFile, "CLI and checklist", true, "path of ec2-user's private key (OpenSSH format)"),
        new(HostKeySha256, "CLI and checklist", true, "the server's SSH host key fingerprint as ssh-keygen -lf prints it (SHA256:…); any other key is refused"),
        new(TrustedRootFile, "checklist", false, "PEM file of the one root CA to trust for the server's HTTPS (HTTP client and Chromium). Unset: the system's trust store."),
        new(AdminEmail, "checklist", true, "an admin account's email"),
        new(AdminPassword, "checklist", true, "that admin's password"),
        new(ManagerEmail, "checklist", false, "a manager account's email"),
        new(ManagerPassword, "checklist", false, "that manager's password"),
        new(UserEmail, "checklist", false, "a plain user's email"),
        new(UserPassword, "checklist", false, "that user's password"),
        new(ManagerGroups, "checklist", false, "comma-separated names of the groups that manager manages"),
        new(PendingEmail, "checklist", false, "an account awaiting approval (role pending): the check that it is not let in"),
        new(PendingPassword, "checklist", false, "that pending account's password"),
    ];

    /// <summary>The prefixes of the contract's families: a FIXXIT_ name starting so must be in <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<string> Families =
        ["FIXXIT_SERVER", "FIXXIT_SSH", "FIXXIT_TRUSTED", "FIXXIT_HOST", "FIXXIT_ADMIN", "FIXXIT_MANAGER", "FIXXIT_USER", "FIXXIT_PENDING", "FIXXIT_CA"];

    /// <summary>
    /// Refuses a variable that looks like the contract's but is not in it (e.g. <c>FIXXIT_SSH_HOST_KEY</c>, the CLI's
    /// old name), naming it and the variable meant, so a typo never silently falls back to a default.
    /// </summary>
    public static void RejectMisspelled(IEnumerable<string> environmentNames)
    {
        ArgumentNullException.ThrowIfNull(environmentNames);
        var known = All.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var wrong = environmentNames
            .Where(n => Families.Any(f => n.StartsWith(f, StringComparison.OrdinalIgnoreCase)) && !known.Contains(n))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (wrong.Count == 0) return;
        throw new TargetSettingsException(string.Join("; ", wrong.Select(n => $"environment variable {n} is not a Fixxit target setting (did you mean {Nearest(n)}?)"))
            + "; the list is in docs/running-against-production.md");
    }

    /// <summary>The value of a required variable, trimmed; an error naming it (and what it holds) when unset.</summary>
    public static string Required(string name, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var value = read(name);
        if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
        var what = All.FirstOrDefault(v => v.Name == name)?.What ?? "required";
        throw new TargetSettingsException($"environment variable {name} is not set: {what}");
    }

    public static string? Optional(string name, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return read(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    private static string Nearest(string name) =>
        All.Select(v => v.Name).MinBy(candidate => Distance(name.ToUpperInvariant(), candidate))!;

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}
