namespace Fixxit.Checklist.Features.Support;

/// <summary>The roles the checklist signs in as. "manager" is the fork's own role.</summary>
public enum Role
{
    Admin,
    Manager,
    User,
    Pending,
}

/// <summary>One sign-in the checklist uses. The password is registered with the secret masker when read.</summary>
public sealed record RoleAccount(Role Role, string Email, string Password)
{
    public override string ToString() => $"{Role.ToString().ToLowerInvariant()} {Email}";
}
