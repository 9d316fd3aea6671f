namespace Fixxit.FileFormats.Caddy;

/// <summary>One domain → upstream mapping Caddy actually serves (read back from its adapted JSON).</summary>
public sealed record CaddyRoute(string Domain, string UpstreamHost, int UpstreamPort, string? HealthUri);
