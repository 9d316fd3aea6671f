using System.Text.Json;
using Fixxit.Masking;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// The accounts and group facts a target provides: from the sandbox's seeded credentials file, or from the environment
/// variables a runsettings file names (never from the runsettings itself).
/// </summary>
public sealed class TargetAccounts
{
    private readonly Dictionary<Role, RoleAccount> _accounts;

    private TargetAccounts(Dictionary<Role, RoleAccount> accounts, IReadOnlyList<string> managerGroups)
    {
        _accounts = accounts;
        ManagerGroups = managerGroups;
    }

    /// <summary>The groups the manager account manages (the manager must see exactly these).</summary>
    public IReadOnlyList<string> ManagerGroups { get; }

    public RoleAccount For(Role role) =>
        _accounts.TryGetValue(role, out var account)
            ? account
            : throw new ChecklistFailure($"no {role.ToString().ToLowerInvariant()} account is configured for this target (set its email and password variables named in the runsettings)");

    public bool Has(Role role) => _accounts.ContainsKey(role);

    /// <summary>Reads the sandbox seed's credentials file (0600 JSON: admin, manager, user, pending, managerGroups).</summary>
    public static TargetAccounts FromSeedFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var accounts = new Dictionary<Role, RoleAccount>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var name = role.ToString().ToLowerInvariant();
            if (!root.TryGetProperty(name, out var entry)) continue;
            var email = entry.GetProperty("email").GetString() ?? throw new InvalidDataException($"{path}: {name}.email is null");
            var password = entry.GetProperty("password").GetString() ?? throw new InvalidDataException($"{path}: {name}.password is null");
            SecretMasker.Shared.Register(password, $"{name} password");
            accounts[role] = new RoleAccount(role, email, password);
        }

        var groups = root.TryGetProperty("managerGroups", out var g) ? g.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        return new TargetAccounts(accounts, groups);
    }

    /// <summary>Reads the accounts from environment variables named by the runsettings; missing roles stay missing.</summary>
    public static TargetAccounts FromEnvironment(TargetSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var accounts = new Dictionary<Role, RoleAccount>();
        void Add(Role role, string emailVariable, string passwordVariable)
        {
            var email = Environment.GetEnvironmentVariable(emailVariable);
            var password = Environment.GetEnvironmentVariable(passwordVariable);
            SecretMasker.Shared.Register(password, $"{role.ToString().ToLowerInvariant()} password");
            if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrEmpty(password)) accounts[role] = new RoleAccount(role, email.Trim(), password);
        }

        Add(Role.Admin, settings.AdminEmailVariable, settings.AdminPasswordVariable);
        Add(Role.Manager, settings.ManagerEmailVariable, settings.ManagerPasswordVariable);
        Add(Role.User, settings.UserEmailVariable, settings.UserPasswordVariable);
        Add(Role.Pending, settings.PendingEmailVariable, settings.PendingPasswordVariable);
        var groups = (Environment.GetEnvironmentVariable(settings.ManagerGroupsVariable) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!accounts.ContainsKey(Role.Admin))
        {
            throw new ArgumentException($"the admin account is required: set {settings.AdminEmailVariable} and {settings.AdminPasswordVariable}");
        }

        return new TargetAccounts(accounts, groups);
    }
}
