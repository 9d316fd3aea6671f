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

    /// <summary>A gate run's report folder, on lines that record a verification of <see cref="Release"/>.</summary>
    public string? Report { get; init; }

    /// <summary>The <see cref="Operation"/> of a line that records a gate verdict about a release.</summary>
    public const string Verification = "verify";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    public static JournalEntry? ParseLine(string line) => JsonSerializer.Deserialize<JournalEntry>(line, Json);

    /// <summary>Every line that parses; a torn or hand-edited line is skipped, not fatal (the journal is append-only history).</summary>
    public static IReadOnlyList<JournalEntry> ParseAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<JournalEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                if (ParseLine(line) is { } entry) entries.Add(entry);
            }
            catch (JsonException)
            {
                // skipped: see summary
            }
        }

        return entries;
    }
}
