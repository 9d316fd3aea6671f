using Fixxit.Topologies;

namespace Fixxit.Sandbox;

/// <summary>How to bring a sandbox up.</summary>
public sealed record SandboxOptions
{
    /// <summary>Sandbox root; null = <c>FIXXIT_SANDBOX_ROOT</c>, else <c>.sandbox</c> in the repository.</summary>
    public string? Root { get; init; }

    public SandboxPorts Ports { get; init; } = SandboxPorts.Default;

    /// <summary>Faults to switch on once everything runs (see <see cref="Faults.FaultCatalog"/>).</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];

    /// <summary>Receives one line per step ("starting caddy", ...); null for silence.</summary>
    public Action<string>? Log { get; init; }
}
