namespace Fixxit.FileFormats.Caddy;

/// <summary>Per-site settings beyond the plan's shape; the defaults render the real server's site block.</summary>
public sealed record CaddySiteOptions
{
    /// <summary><c>bind &lt;address&gt;</c>; null listens on every interface (the real server).</summary>
    public string? BindAddress { get; init; }

    /// <summary><c>tls internal</c>: a certificate from Caddy's own CA (the sandbox); false means automatic HTTPS.</summary>
    public bool TlsInternal { get; init; }

    /// <summary><c>tls &lt;certificate&gt; &lt;key&gt;</c>: a certificate installed by hand; when set, it replaces <see cref="TlsInternal"/>.</summary>
    public CaddyTlsFiles? TlsFiles { get; init; }

    public static CaddySiteOptions Real { get; } = new();

    public static CaddySiteOptions Loopback { get; } = new() { BindAddress = "127.0.0.1", TlsInternal = true };
}
