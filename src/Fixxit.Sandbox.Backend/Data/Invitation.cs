namespace Fixxit.Sandbox.Backend.Data;

/// <summary>A row of the fork's <c>invitation</c> table. The link is not stored: it is built from the effective WEBUI_URL when shown.</summary>
public sealed record Invitation
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    public required string Id { get; init; }
    public required string Token { get; init; }
    public required string Email { get; init; }
    public required string Role { get; init; }
    public string? GroupId { get; init; }
    public required string InvitedBy { get; init; }
    public required string StoredStatus { get; init; }
    public required long CreatedAt { get; init; }
    public required long ExpiresAt { get; init; }
    public long? AcceptedAt { get; init; }
    public string? AcceptedUserId { get; init; }

    /// <summary>A pending invitation past its expiry reads as expired.</summary>
    public string Status(long now) => StoredStatus == Pending && ExpiresAt < now ? Expired : StoredStatus;
}
