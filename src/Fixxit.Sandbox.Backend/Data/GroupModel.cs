using System.Text.Json.Nodes;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>0.6.37+'s <c>GroupResponse</c>: members live in <c>group_member</c>, so only their count is returned.</summary>
public sealed record GroupModel
{
    public required string Id { get; init; }
    public string? UserId { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public JsonNode? Data { get; init; }
    public JsonNode? Meta { get; init; }
    public JsonNode? Permissions { get; init; }
    public required long CreatedAt { get; init; }
    public required long UpdatedAt { get; init; }
    public required long MemberCount { get; init; }
}

/// <summary>A member as the groups router lists them.</summary>
public sealed record GroupMember(string Id, string Name, string Email, string Role, string ProfileImageUrl);
