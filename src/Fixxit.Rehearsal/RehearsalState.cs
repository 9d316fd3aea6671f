using System.Text.Json;

namespace Fixxit.Rehearsal;

/// <summary>
/// What <c>down</c> needs to find everything again, written before anything starts: the holder, the inodes of the
/// namespaces it holds (every process inside is found by them, also after a kill -9 of the holder), and the pins.
/// </summary>
public sealed record RehearsalState
{
    public required string Root { get; init; }

    /// <summary>The <c>unshare</c> process (outside the namespaces) whose child is the holder.</summary>
    public int? UnsharePid { get; init; }

    public int? HolderPid { get; init; }

    /// <summary>"net:[4026532...]" as <c>/proc/PID/ns/net</c> reads.</summary>
    public string? NetNamespace { get; init; }

    public string? MountNamespace { get; init; }

    public int UserId { get; init; }

    public string? HostKeyFingerprint { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static RehearsalState? Load(RehearsalLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(layout.StateFile)) return null;
        try
        {
            return JsonSerializer.Deserialize<RehearsalState>(File.ReadAllText(layout.StateFile), Json);
        }
        catch (JsonException e)
        {
            throw new RehearsalException($"{layout.StateFile} is not a rehearsal state file ({e.Message}); remove it only after checking no rehearsal process runs", e);
        }
    }

    /// <summary>Written to a temporary file and renamed, so a crash never leaves half a state file.</summary>
    public void Save(RehearsalLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var temporary = layout.StateFile + ".new";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, layout.StateFile, overwrite: true);
    }
}
