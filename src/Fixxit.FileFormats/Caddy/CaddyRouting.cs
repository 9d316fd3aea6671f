using System.Globalization;
using System.Text.Json;

namespace Fixxit.FileFormats.Caddy;

/// <summary>
/// The routing in a Caddy JSON config (the output of <c>caddy adapt</c>, or <c>GET /config/</c>): which domain is
/// reverse-proxied to which upstream. This is what FIX005 is checked against on a live server.
/// </summary>
public sealed class CaddyRouting
{
    private CaddyRouting(IReadOnlyList<CaddyRoute> routes) => Routes = routes;

    public IReadOnlyList<CaddyRoute> Routes { get; }

    /// <summary>The upstream ports <paramref name="domain"/> is proxied to (empty when Caddy does not serve it).</summary>
    public IReadOnlyList<int> UpstreamPortsFor(string domain) =>
        [.. Routes.Where(r => string.Equals(r.Domain, domain, StringComparison.OrdinalIgnoreCase)).Select(r => r.UpstreamPort).Distinct()];

    /// <exception cref="FormatException">Not JSON, or not a Caddy config; the message says what was expected.</exception>
    public static CaddyRouting Parse(string adaptedJson, string source = "caddy adapt output")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(adaptedJson);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not JSON ({e.Message})", e);
        }

        using (document)
        {
            var routes = new List<CaddyRoute>();
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException($"{source}: expected a JSON object (a Caddy config)");
            if (!document.RootElement.TryGetProperty("apps", out var apps) || !apps.TryGetProperty("http", out var http)
                || !http.TryGetProperty("servers", out var servers))
            {
                return new CaddyRouting(routes);
            }

            foreach (var server in servers.EnumerateObject())
            {
                if (server.Value.TryGetProperty("routes", out var serverRoutes)) Collect(serverRoutes, [], routes, source);
            }

            return new CaddyRouting(routes);
        }
    }

    // Walks routes → handle → subroute routes, carrying the nearest host matcher down to each reverse_proxy.
    private static void Collect(JsonElement routes, IReadOnlyList<string> hosts, List<CaddyRoute> found, string source)
    {
        foreach (var route in routes.EnumerateArray())
        {
            var routeHosts = HostsOf(route) is { Count: > 0 } own ? own : hosts;
            if (!route.TryGetProperty("handle", out var handlers)) continue;
            foreach (var handler in handlers.EnumerateArray())
            {
                var kind = handler.TryGetProperty("handler", out var h) ? h.GetString() : null;
                if (kind == "subroute" && handler.TryGetProperty("routes", out var inner)) Collect(inner, routeHosts, found, source);
                if (kind != "reverse_proxy" || !handler.TryGetProperty("upstreams", out var upstreams)) continue;
                var health = handler.TryGetProperty("health_checks", out var hc) && hc.TryGetProperty("active", out var active)
                    && active.TryGetProperty("uri", out var uri) ? uri.GetString() : null;
                foreach (var upstream in upstreams.EnumerateArray())
                {
                    if (!upstream.TryGetProperty("dial", out var dial)) continue;
                    var (host, port) = SplitDial(dial.GetString() ?? string.Empty, source);
                    foreach (var domain in routeHosts) found.Add(new CaddyRoute(domain, host, port, health));
                }
            }
        }
    }

    private static List<string> HostsOf(JsonElement route)
    {
        var hosts = new List<string>();
        if (!route.TryGetProperty("match", out var matchers)) return hosts;
        foreach (var matcher in matchers.EnumerateArray())
        {
            if (!matcher.TryGetProperty("host", out var hostList)) continue;
            hosts.AddRange(hostList.EnumerateArray().Select(x => x.GetString()).OfType<string>());
        }

        return hosts;
    }

    private static (string Host, int Port) SplitDial(string dial, string source)
    {
        var colon = dial.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(dial[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new FormatException($"{source}: upstream dial '{dial}' is not host:port");
        }

        return (dial[..colon].Trim('[', ']'), port);
    }
}
