using System.Text.Json;

namespace Fixxit.Sandbox.Faults;

/// <summary>The seeded accounts' e-mail addresses and the manager's groups, read from the sandbox's credentials file.</summary>
public static class SeededAccount
{
    /// <summary>The e-mail of the seeded account of <paramref name="role"/> ("admin", "manager", "user", "pending").</summary>
    public static string Email(FaultContext context, string role)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var document = JsonDocument.Parse(File.ReadAllText(context.Layout.CredentialsFile));
        return document.RootElement.TryGetProperty(role, out var entry) && entry.GetProperty("email").GetString() is { } email
            ? email
            : throw new SandboxException($"{context.Layout.CredentialsFile} names no {role} account");
    }

    public static IReadOnlyList<string> ManagerGroups(FaultContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var document = JsonDocument.Parse(File.ReadAllText(context.Layout.CredentialsFile));
        return document.RootElement.TryGetProperty("managerGroups", out var groups) ? [.. groups.EnumerateArray().Select(g => g.GetString()!)] : [];
    }
}
