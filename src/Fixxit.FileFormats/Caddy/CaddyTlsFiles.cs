namespace Fixxit.FileFormats.Caddy;

/// <summary>
/// A certificate installed by hand for one site (<c>tls &lt;certificate&gt; &lt;key&gt;</c>): Caddy serves it as it is and
/// never renews it. <paramref name="CertificateFile"/> is PEM, leaf first, then its intermediates.
/// </summary>
public sealed record CaddyTlsFiles(string CertificateFile, string KeyFile);
