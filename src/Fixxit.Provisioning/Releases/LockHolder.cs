using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fixxit.Provisioning.Releases;

/// <summary><c>deploy.lock/holder.json</c>: who holds the lock, so a stale one can be recognised and a live one named.</summary>
public sealed record LockHolder
{
    public required string RunId { get; init; }

    public required string Operation { get; init; }

    public required string Actor { get; init; }

    /// <summary>The machine the holding <c>fixxit</c> process runs on (not the server).</summary>
    public required string Machine { get; init; }

    public required int Pid { get; init; }

    public DateTimeOffset Since { get; init; }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LockHolder? TryParse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<LockHolder>(text.Trim(), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() => $"{Operation} run {RunId} by {Actor} on {Machine} (pid {Pid}) since {Since.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
}
