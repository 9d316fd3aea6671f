using System.Text.Json.Nodes;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>A row of <c>user</c>, serialised as 0.6.41+'s <c>UserModel</c> (snake_case).</summary>
public sealed record UserModel
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string? Username { get; init; }
    public required string Role { get; init; }
    public required string ProfileImageUrl { get; init; }
    public string? ProfileBannerImageUrl { get; init; }
    public string? Bio { get; init; }
    public string? Gender { get; init; }
    public string? DateOfBirth { get; init; }
    public string? Timezone { get; init; }
    public string? PresenceState { get; init; }
    public string? StatusEmoji { get; init; }
    public string? StatusMessage { get; init; }
    public long? StatusExpiresAt { get; init; }
    public JsonNode? Info { get; init; }
    public JsonNode? Settings { get; init; }
    public JsonNode? Oauth { get; init; }
    public required long LastActiveAt { get; init; }
    public required long UpdatedAt { get; init; }
    public required long CreatedAt { get; init; }
}
