using Fixxit.Provisioning;
using Fixxit.Topologies;

namespace Fixxit.Sandbox.Readiness;

/// <summary>What <see cref="SandboxReadiness.PrepareAsync"/> may do to make the sandbox ready for a gate.</summary>
public sealed record ReadinessOptions
{
    public required string Root { get; init; }

    public SandboxPorts Ports { get; init; } = SandboxPorts.Default;

    /// <summary>
    /// Create the sandbox when the root has none, or boot it when nothing of it runs (false: either is an error). A
    /// running sandbox only ever gets its host started, whatever this says.
    /// </summary>
    public bool StartIfStopped { get; init; } = true;

    public ProdProvisioning Provision { get; init; } = ProdProvisioning.IfMissing;

    /// <summary>
    /// After provisioning prod here, take a backup of its database when none exists yet (on the real server a scheduled
    /// job makes them). Never taken by a run that only verifies.
    /// </summary>
    public bool EnsureBackup { get; init; } = true;

    /// <summary>Where backups are looked for; <c>{directory}</c> is prod's directory.</summary>
    public string BackupDirectory { get; init; } = "{directory}-releases/backups";

    /// <summary>Who the release journal names.</summary>
    public string Actor { get; init; } = "fixxit";

    public Action<string> Log { get; init; } = _ => { };

    public IProgress<StepEvent>? Progress { get; init; }
}
