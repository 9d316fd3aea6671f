using Fixxit.Provisioning;

namespace Fixxit.Sandbox.Readiness;

/// <summary>The ready sandbox and what getting it ready did.</summary>
public sealed record ReadinessResult(SandboxInfo Info, bool StartedHere, ProvisionResult? Applied, ProvisionResult? BackedUp)
{
    /// <summary>False when provisioning or the backup failed (the sandbox is up but not ready for a gate).</summary>
    public bool Ready => Applied?.Succeeded != false && BackedUp?.Succeeded != false;
}
