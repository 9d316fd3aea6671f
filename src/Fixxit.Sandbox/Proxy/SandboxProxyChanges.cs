using Fixxit.FileFormats.Caddy;

namespace Fixxit.Sandbox.Proxy;

/// <summary>
/// How the sandbox's Caddyfile departs from the topology's sites: what the proxy faults changed, so that rendering the
/// file again (<c>sandbox up</c>, or another proxy fault switching) keeps every change that is on.
/// </summary>
public sealed record SandboxProxyChanges
{
    public static SandboxProxyChanges None { get; } = new();

    /// <summary><c>proxy-wrong-port</c>: app.fixxit.ai's upstream is dev's backend port.</summary>
    public bool ProdToDevPort { get; init; }

    /// <summary><c>certificate-near-expiry</c>: app.fixxit.ai serves this hand-installed certificate instead of <c>tls internal</c>.</summary>
    public CaddyTlsFiles? ProdCertificate { get; init; }

    /// <summary>The changes the recorded faults make (the state's fault list; a fault's own moves are in its class).</summary>
    public static SandboxProxyChanges Of(SandboxLayout layout, IEnumerable<ActiveFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var names = faults.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return new SandboxProxyChanges
        {
            ProdToDevPort = names.Contains(Faults.ProxyWrongPortFault.FaultName),
            ProdCertificate = names.Contains(Faults.CertificateNearExpiryFault.FaultName) ? Faults.CertificateNearExpiryFault.Files(layout) : null,
        };
    }
}
