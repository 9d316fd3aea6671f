namespace Fixxit.FileFormats.Caddy;

/// <summary>
/// A Caddyfile's global options block. The real server's Caddyfile has none of these (null = not rendered); the
/// sandbox uses them to keep Caddy on loopback, off the internet and inside its root.
/// </summary>
public sealed record CaddyGlobalOptions
{
    /// <summary><c>admin &lt;address&gt;</c>, e.g. <c>127.0.0.1:12019</c>.</summary>
    public string? AdminAddress { get; init; }

    public int? HttpPort { get; init; }

    public int? HttpsPort { get; init; }

    /// <summary><c>storage file_system &lt;path&gt;</c>: certificates and the internal CA.</summary>
    public string? StoragePath { get; init; }

    /// <summary><c>local_certs</c>: every certificate from Caddy's internal CA, never from a public ACME CA.</summary>
    public bool LocalCerts { get; init; }

    /// <summary><c>skip_install_trust</c>: do not touch the machine's trust store.</summary>
    public bool SkipInstallTrust { get; init; }

    /// <summary><c>auto_https disable_redirects</c>.</summary>
    public bool DisableRedirects { get; init; }

    /// <summary><c>ocsp_stapling off</c>: no OCSP fetches.</summary>
    public bool OcspStaplingOff { get; init; }

    /// <summary><c>acme_ca &lt;directory URL&gt;</c>: the ACME server certificates are ordered from (default Let's Encrypt).</summary>
    public string? AcmeCa { get; init; }

    /// <summary><c>acme_ca_root &lt;PEM file&gt;</c>: the root that signs the ACME server's own HTTPS listener.</summary>
    public string? AcmeCaRoot { get; init; }

    public bool IsEmpty => AdminAddress is null && HttpPort is null && HttpsPort is null && StoragePath is null
        && AcmeCa is null && AcmeCaRoot is null && !LocalCerts && !SkipInstallTrust && !DisableRedirects && !OcspStaplingOff;
}
