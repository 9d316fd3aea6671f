using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fixxit.Provisioning.Releases;

/// <summary>One line of <c>journal.ndjson</c>: an audit record of a run (masked; never a secret).</summary>
public sealed record JournalEntry
{
    public required string RunId { get; init; }

    public required string Operation { get; init; }

    public required string Environment { get; init; }

    public required string Actor { get; init; }

    public required string Machine { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public double Seconds { get; init; }

    /// <summary>"ok", "no-op", or "failed: &lt;step&gt;".</summary>
    public required string Outcome { get; init; }

    public string? Release { get; init; }

    public bool RolledBack { get; init; }

    /// <summary>Step name → status.</summary>
    public Dictionary<string, string> Steps { get; init; } = [];

    public string? Message { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    public static JournalEntry? ParseLine(string line) => JsonSerializer.Deserialize<JournalEntry>(line, Json);
}
