namespace Fixxit.Sandbox;

/// <summary>A snapshot of a sandbox: what should run, what does, and which faults are on.</summary>
public sealed record SandboxStatus
{
    public required string Root { get; init; }

    /// <summary>Null when the root has never been brought up.</summary>
    public SandboxInfo? Info { get; init; }

    public IReadOnlyList<ComponentStatus> Components { get; init; } = [];

    public IReadOnlyList<string> Faults { get; init; } = [];

    public bool ProdProvisioned { get; init; }

    /// <summary>True when sshd, Caddy and dev's backend and frontend all run and listen.</summary>
    public bool CoreRunning =>
        Components.Where(c => c.Name is "sshd" or "caddy" or "dev.backend" or "dev.frontend").Count(c => c.Running && c.Listening) == 4;
}
