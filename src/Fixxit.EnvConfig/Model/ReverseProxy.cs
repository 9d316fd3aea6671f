namespace Fixxit.EnvConfig;

/// <summary>The reverse proxy on a host. Fixxit's is Caddy (the plan's rollback section wrongly names nginx).</summary>
public sealed record ReverseProxy
{
    public string Kind { get; init; } = "caddy";

    /// <summary>Path of the Caddyfile on the host.</summary>
    public string ConfigPath { get; init; } = "/etc/caddy/Caddyfile";

    /// <summary>Caddy's admin endpoint, used for <c>caddy reload --address</c>.</summary>
    public string AdminAddress { get; init; } = "localhost:2019";

    public int HttpsPort { get; init; } = 443;

    public int HttpPort { get; init; } = 80;

    /// <summary>Command that runs the Caddy binary on the host.</summary>
    public string Executable { get; init; } = "caddy";
}
