using System.Text.Json;
using Fixxit.Masking;
using Fixxit.Rehearsal;
using Fixxit.Remote.Targets;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary>
/// What a user exports to reach the rehearsal host, in the settings contract's names (<see cref="TargetVariables"/>):
/// the only differences from the real server are the address (the pre-DNS mode) and the trusted root (Pebble's).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class RehearsalEnvironment
{
    public static IReadOnlyList<(string Name, string Value)> Connection(RehearsalInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return
        [
            (TargetVariables.ServerAddress, "127.0.0.1"),
            (TargetVariables.SshKeyFile, info.ClientKeyPath),
            (TargetVariables.HostKeySha256, info.HostKeyFingerprint),
            (TargetVariables.TrustedRootFile, info.TrustedRootPath),
        ];
    }

    /// <summary>The seeded accounts (from the dev tree's credentials file) in the contract's names; passwords masked from now on.</summary>
    public static IReadOnlyList<(string Name, string Value)> Accounts(RehearsalInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        using var document = JsonDocument.Parse(File.ReadAllText(info.CredentialsPath));
        var root = document.RootElement;
        var variables = new List<(string, string)>();
        foreach (var (role, emailName, passwordName) in new[]
        {
            ("admin", TargetVariables.AdminEmail, TargetVariables.AdminPassword),
            ("manager", TargetVariables.ManagerEmail, TargetVariables.ManagerPassword),
            ("user", TargetVariables.UserEmail, TargetVariables.UserPassword),
            ("pending", TargetVariables.PendingEmail, TargetVariables.PendingPassword),
        })
        {
            if (!root.TryGetProperty(role, out var entry)) continue;
            var password = entry.GetProperty("password").GetString() ?? string.Empty;
            SecretMasker.Shared.Register(password, $"{role} password");
            variables.Add((emailName, entry.GetProperty("email").GetString() ?? string.Empty));
            variables.Add((passwordName, password));
        }

        if (root.TryGetProperty("managerGroups", out var groups))
        {
            variables.Add((TargetVariables.ManagerGroups, string.Join(',', groups.EnumerateArray().Select(g => g.GetString()))));
        }

        return variables;
    }

    /// <summary>The client side's caches (dotnet, Chromium) in the rehearsal root; NuGet's package folder stays the machine's.</summary>
    public static IReadOnlyList<(string Name, string Value)> ClientHome(RehearsalInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var home = new RehearsalLayout(info.Root).ClientHome;
        var packages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return [("HOME", home), ("DOTNET_CLI_HOME", home), ("NUGET_PACKAGES", packages), ("DOTNET_NOLOGO", "1")];
    }
}
