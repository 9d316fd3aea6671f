using Fixxit.Topologies;

namespace Fixxit.Rehearsal;

/// <summary>A running rehearsal host as its users see it: the real names and ports, and what to export to reach it.</summary>
public sealed record RehearsalInfo
{
    public required string Root { get; init; }

    public required int HolderPid { get; init; }

    public required string NetNamespace { get; init; }

    public required string HostKeyFingerprint { get; init; }

    public required string ClientKeyPath { get; init; }

    public required string TrustedRootPath { get; init; }

    public required string CredentialsPath { get; init; }

    public string[] Names => [FixxitTopology.Dev.PublicHost, FixxitTopology.Prod.PublicHost];

    /// <summary>Every port the replica listens on inside its namespace (none of them on the machine).</summary>
    public static readonly IReadOnlyList<int> Ports = [22, 80, 443, 2019, 8080, 5173, 8081, 5174, Acme.PebbleConfig.AcmePort, Acme.PebbleConfig.ManagementPort];
}
