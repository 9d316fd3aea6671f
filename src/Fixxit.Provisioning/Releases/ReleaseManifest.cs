using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fixxit.Provisioning.Releases;

/// <summary><c>manifest.json</c> of a release: what the snapshot holds, so a rollback can prove it restores the right thing.</summary>
public sealed record ReleaseManifest
{
    public required string Id { get; init; }

    public required string Environment { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Why it was taken: "before apply", "before update", "before rollback", "before restore".</summary>
    public required string Reason { get; init; }

    public string? RunId { get; init; }

    /// <summary>The source tree's git commit when the target was last deployed from it, if known.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>The app version (package.json) of the snapshotted code.</summary>
    public string? Version { get; init; }

    /// <summary>Key fingerprints by key name (never the keys).</summary>
    public Dictionary<string, string> KeyFingerprints { get; init; } = [];

    /// <summary>Rows per table in the snapshotted database; empty when there was no database.</summary>
    public Dictionary<string, long> RowCounts { get; init; } = [];

    /// <summary><c>PRAGMA integrity_check</c> of the snapshotted database ("ok" or the first defect); null without a database.</summary>
    public string? Integrity { get; init; }

    public bool HasDatabase { get; init; }

    /// <summary>Whether the environment was running when the snapshot was taken (a rollback restores that too).</summary>
    public bool WasRunning { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReleaseManifest Parse(string json, string path) =>
        JsonSerializer.Deserialize<ReleaseManifest>(json, Json) ?? throw new ProvisioningException(FailureKind.BadInput, $"{path}: empty release manifest");
}
