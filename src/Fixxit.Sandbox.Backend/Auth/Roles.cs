namespace Fixxit.Sandbox.Backend.Auth;

/// <summary>Upstream's roles plus the fork's <c>manager</c>, which the fork lets through <c>get_verified_user</c>.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string User = "user";
    public const string Pending = "pending";

    public static readonly string[] All = [Admin, Manager, User, Pending];

    public static bool IsVerified(string role) => role is Admin or Manager or User;
}
