using System.Text.Json.Nodes;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>Upstream's <c>ChatResponse</c>.</summary>
public sealed record ChatModel
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string Title { get; init; }
    public required JsonNode Chat { get; init; }
    public required long UpdatedAt { get; init; }
    public required long CreatedAt { get; init; }
    public string? ShareId { get; init; }
    public bool Archived { get; init; }
    public bool Pinned { get; init; }
    public JsonNode? Meta { get; init; }
    public string? FolderId { get; init; }
}

/// <summary>An item of <c>GET /api/v1/chats/</c>.</summary>
public sealed record ChatTitle(string Id, string Title, long UpdatedAt, long CreatedAt);
