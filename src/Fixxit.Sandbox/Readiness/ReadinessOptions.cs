using Fixxit.Provisioning;
using Fixxit.Topologies;

namespace Fixxit.Sandbox.Readiness;

/// <summary>What <see cref="SandboxReadiness.PrepareAsync"/> may do to make the sandbox ready for a gate.</summary>
public sealed record ReadinessOptions
{
    public required string Root { get; init; }

    public SandboxPorts Ports { get; init; } = SandboxPorts.Default;

    /// <summary>Bring the sandbox up when it is not running (false: a stopped sandbox is an error).</summary>
    public bool StartIfStopped { get; init; } = true;

    /// <summary>Run "up" even when the sandbox runs (it restarts what stopped and re-renders the Caddyfile).</summary>
    public bool RefreshIfRunning { get; init; }

    public ProdProvisioning Provision { get; init; } = ProdProvisioning.IfMissing;

    /// <summary>Take a backup of prod's database when none exists yet (on the real server a scheduled job makes them).</summary>
    public bool EnsureBackup { get; init; } = true;

    /// <summary>Where backups are looked for; <c>{directory}</c> is prod's directory.</summary>
    public string BackupDirectory { get; init; } = "{directory}-releases/backups";

    /// <summary>Who the release journal names.</summary>
    public string Actor { get; init; } = "fixxit";

    public Action<string> Log { get; init; } = _ => { };

    public IProgress<StepEvent>? Progress { get; init; }
}
