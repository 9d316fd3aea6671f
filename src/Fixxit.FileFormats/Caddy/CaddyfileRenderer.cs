using System.Globalization;
using System.Text;
using Fixxit.EnvConfig;

namespace Fixxit.FileFormats.Caddy;

/// <summary>
/// Renders the plan's Caddyfile shape (Phase 3.1) from the declared <see cref="ProxySite"/>s: one site block per
/// domain, <c>reverse_proxy</c> to the environment's backend port with the plan's <c>header_up</c> lines and active
/// health check. The real server's block and the sandbox's come from the same code.
/// </summary>
public static class CaddyfileRenderer
{
    /// <summary>A whole Caddyfile: the global block (when any option is set), then one block per site.</summary>
    public static string Render(IEnumerable<ProxySite> sites, CaddyGlobalOptions? global = null, CaddySiteOptions? siteOptions = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        return Render(sites, global, _ => siteOptions);
    }

    /// <summary>A whole Caddyfile whose site blocks may differ beyond the plan's shape (e.g. one site's certificate).</summary>
    public static string Render(IEnumerable<ProxySite> sites, CaddyGlobalOptions? global, Func<ProxySite, CaddySiteOptions?> siteOptions)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(siteOptions);
        var text = new StringBuilder();
        if (global is { IsEmpty: false }) text.Append(RenderGlobal(global)).Append('\n');
        var first = true;
        foreach (var site in sites)
        {
            if (!first) text.Append('\n');
            text.Append(RenderSite(site, siteOptions(site)));
            first = false;
        }

        return text.ToString();
    }

    /// <summary>The site block for one domain.</summary>
    public static string RenderSite(ProxySite site, CaddySiteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        var o = options ?? CaddySiteOptions.Real;
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{site.Domain} {{\n");
        if (o.BindAddress is { } bind) b.Append(CultureInfo.InvariantCulture, $"    bind {bind}\n");
        if (o.TlsFiles is { } files) b.Append(CultureInfo.InvariantCulture, $"    tls {Quote(files.CertificateFile)} {Quote(files.KeyFile)}\n");
        else if (o.TlsInternal) b.Append("    tls internal\n");
        b.Append(CultureInfo.InvariantCulture, $"    reverse_proxy {site.UpstreamHost}:{site.UpstreamPort} {{\n");
        b.Append("        header_up X-Real-IP {remote_host}\n");
        b.Append("        header_up X-Forwarded-For {remote_host}\n");
        b.Append("        header_up X-Forwarded-Proto {scheme}\n");
        b.Append(CultureInfo.InvariantCulture, $"        health_uri {site.HealthUri}\n");
        b.Append(CultureInfo.InvariantCulture, $"        health_interval {Duration(site.HealthInterval)}\n");
        b.Append(CultureInfo.InvariantCulture, $"        health_timeout {Duration(site.HealthTimeout)}\n");
        b.Append("    }\n");
        b.Append("}\n");
        return b.ToString();
    }

    public static string RenderGlobal(CaddyGlobalOptions global)
    {
        ArgumentNullException.ThrowIfNull(global);
        var b = new StringBuilder("{\n");
        if (global.AdminAddress is { } admin) b.Append(CultureInfo.InvariantCulture, $"    admin {admin}\n");
        if (global.HttpPort is { } http) b.Append(CultureInfo.InvariantCulture, $"    http_port {http}\n");
        if (global.HttpsPort is { } https) b.Append(CultureInfo.InvariantCulture, $"    https_port {https}\n");
        if (global.StoragePath is { } storage) b.Append(CultureInfo.InvariantCulture, $"    storage file_system {Quote(storage)}\n");
        if (global.AcmeCa is { } acme) b.Append(CultureInfo.InvariantCulture, $"    acme_ca {acme}\n");
        if (global.AcmeCaRoot is { } acmeRoot) b.Append(CultureInfo.InvariantCulture, $"    acme_ca_root {Quote(acmeRoot)}\n");
        if (global.LocalCerts) b.Append("    local_certs\n");
        if (global.SkipInstallTrust) b.Append("    skip_install_trust\n");
        if (global.DisableRedirects) b.Append("    auto_https disable_redirects\n");
        if (global.OcspStaplingOff) b.Append("    ocsp_stapling off\n");
        b.Append("}\n");
        return b.ToString();
    }

    /// <summary>Caddy durations: whole seconds as "30s", otherwise milliseconds.</summary>
    public static string Duration(TimeSpan value) =>
        value.TotalMilliseconds % 1000 == 0
            ? ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
            : ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    // Caddyfile tokens split on whitespace; a path with spaces must be quoted.
    private static string Quote(string token) =>
        token.Any(char.IsWhiteSpace) || token.Contains('"', StringComparison.Ordinal)
            ? "\"" + token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : token;
}
