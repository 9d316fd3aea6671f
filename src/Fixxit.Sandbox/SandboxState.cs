using System.Text.Json;
using System.Text.Json.Serialization;
using Fixxit.Topologies;

namespace Fixxit.Sandbox;

/// <summary>
/// <c>&lt;root&gt;/state.json</c>: what the sandbox started and where things are, so <c>up</c>, <c>down</c>,
/// <c>status</c> and faults agree across processes. Holds no secrets (keys live in the tree's own files).
/// </summary>
public sealed record SandboxState
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required string Root { get; init; }

    public required SandboxPorts Ports { get; init; }

    public required string User { get; init; }

    public string? HostKeyFingerprint { get; init; }

    /// <summary>Process ids by component ("sshd", "caddy", "dev.backend", "dev.frontend", "prod.backend", "prod.frontend").</summary>
    public Dictionary<string, int> Processes { get; init; } = [];

    /// <summary>Well-known paths by name (caddyfile, caRoot, clientKey, credentials, sshdConfig, dev, prod).</summary>
    public Dictionary<string, string> Paths { get; init; } = [];

    /// <summary>Active faults in the order they were switched on.</summary>
    public List<ActiveFault> Faults { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; } = DateTimeOffset.UtcNow;

    public bool HasFault(string name) => Faults.Any(f => f.Name == name);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Fingerprints contain '+' and '/': keep them readable (the file is local and never embedded in HTML).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The state in <paramref name="layout"/>, or null when there is none yet.</summary>
    /// <exception cref="SandboxException">The file exists but is unreadable; the message names it.</exception>
    public static SandboxState? Load(SandboxLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(layout.StateFile)) return null;
        try
        {
            return JsonSerializer.Deserialize<SandboxState>(File.ReadAllText(layout.StateFile), Json)
                ?? throw new SandboxException($"{layout.StateFile}: empty");
        }
        catch (JsonException e)
        {
            throw new SandboxException($"{layout.StateFile}: not a sandbox state file ({e.Message}); `fixxit sandbox down` then delete it to start over", e);
        }
    }

    /// <summary>Writes the state atomically (temp file + rename).</summary>
    public void Save(SandboxLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var temporary = layout.StateFile + ".tmp";
        File.WriteAllText(temporary, ToJson());
        File.Move(temporary, layout.StateFile, overwrite: true);
    }

    public string ToJson() => JsonSerializer.Serialize(this with { UpdatedAt = DateTimeOffset.UtcNow }, Json);
}
