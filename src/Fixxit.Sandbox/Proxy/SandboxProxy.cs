using Fixxit.EnvConfig;

namespace Fixxit.Sandbox.Proxy;

/// <summary>
/// The sites the sandbox's Caddy serves: every environment's <see cref="ProxySite"/> from the topology — prod's exists
/// from the start, as on the real server, and answers 502/503 until prod runs — optionally with the
/// <c>proxy-wrong-port</c> fault (app.fixxit.ai → dev's backend port).
/// </summary>
public static class SandboxProxy
{
    public static IReadOnlyList<ProxySite> Sites(Topology topology, bool prodToDevPort)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var dev = topology.Environment("dev");
        return [.. topology.Environments.Where(e => e.Proxy is not null).Select(e =>
            prodToDevPort && e.Tier == Tier.Production ? e.Proxy! with { UpstreamPort = dev.BackendPort } : e.Proxy!)];
    }

    /// <summary>Renders, validates and writes the Caddyfile; starts Caddy or reloads it when the file changed.</summary>
    public static async Task<int> ApplyAsync(SandboxLayout layout, Topology topology, bool prodToDevPort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var proxy = topology.Hosts[0].Proxy;
        var changed = await SandboxCaddy.WriteValidatedAsync(layout, SandboxCaddy.Render(layout, proxy, Sites(topology, prodToDevPort)), cancellationToken)
            .ConfigureAwait(false);
        return await SandboxCaddy.EnsureRunningAsync(layout, proxy, changed, cancellationToken).ConfigureAwait(false);
    }
}
