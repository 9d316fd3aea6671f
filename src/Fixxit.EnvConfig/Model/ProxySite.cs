namespace Fixxit.EnvConfig;

/// <summary>A reverse-proxy site: the public domain and the local port it forwards to, with an active health check.</summary>
public sealed record ProxySite
{
    public required string Domain { get; init; }

    public required int UpstreamPort { get; init; }

    public string UpstreamHost { get; init; } = "localhost";

    public string HealthUri { get; init; } = "/health";

    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
