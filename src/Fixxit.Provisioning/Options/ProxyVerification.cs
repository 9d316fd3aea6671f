using System.Net;

namespace Fixxit.Provisioning;

/// <summary>
/// How the public URL is checked through the reverse proxy from this machine: the public host name is mapped to
/// <see cref="ConnectAddress"/> (never resolved) and only <see cref="CaRootCertificatePath"/> is trusted. Without it the
/// check runs on the host over SSH (<c>curl --resolve</c> to the host's own loopback), which is the only way for the real topology.
/// </summary>
public sealed record ProxyVerification(string CaRootCertificatePath)
{
    public IPAddress ConnectAddress { get; init; } = IPAddress.Loopback;
}
