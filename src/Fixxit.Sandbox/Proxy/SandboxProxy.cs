using Fixxit.EnvConfig;
using Fixxit.FileFormats.Caddy;

namespace Fixxit.Sandbox.Proxy;

/// <summary>
/// The sites the sandbox's Caddy serves: every environment's <see cref="ProxySite"/> from the topology — prod's exists
/// from the start, as on the real server, and answers 502/503 until prod runs — with the proxy faults' changes
/// (<see cref="SandboxProxyChanges"/>: app.fixxit.ai → dev's backend port, or a hand-installed certificate).
/// </summary>
public static class SandboxProxy
{
    public static IReadOnlyList<ProxySite> Sites(Topology topology, SandboxProxyChanges changes)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(changes);
        var dev = topology.Environment("dev");
        return [.. topology.Environments.Where(e => e.Proxy is not null).Select(e =>
            changes.ProdToDevPort && e.Tier == Tier.Production ? e.Proxy! with { UpstreamPort = dev.BackendPort } : e.Proxy!)];
    }

    /// <summary>Each site's block options: loopback and Caddy's internal CA, except a hand-installed certificate for prod.</summary>
    public static CaddySiteOptions SiteOptions(Topology topology, SandboxProxyChanges changes, ProxySite site)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(site);
        var prodDomain = topology.Environments.FirstOrDefault(e => e.Tier == Tier.Production)?.Proxy?.Domain;
        return changes.ProdCertificate is { } files && site.Domain == prodDomain
            ? CaddySiteOptions.Loopback with { TlsFiles = files }
            : CaddySiteOptions.Loopback;
    }

    /// <summary>Renders, validates and writes the Caddyfile; starts Caddy or reloads it when the file changed.</summary>
    public static async Task<int> ApplyAsync(SandboxLayout layout, Topology topology, SandboxProxyChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var proxy = topology.Hosts[0].Proxy;
        var caddyfile = SandboxCaddy.Render(layout, proxy, Sites(topology, changes), site => SiteOptions(topology, changes, site));
        var changed = await SandboxCaddy.WriteValidatedAsync(layout, caddyfile, cancellationToken).ConfigureAwait(false);
        return await SandboxCaddy.EnsureRunningAsync(layout, proxy, changed, cancellationToken).ConfigureAwait(false);
    }
}
