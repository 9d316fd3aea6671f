using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Fixxit.Remote;

/// <summary>What a <see cref="PinnedHttpClientFactory"/> client may reach and which CA it trusts.</summary>
public sealed record PinnedHttpOptions
{
    /// <summary>Host name → the address to connect to instead of resolving it (the URL's port is kept).</summary>
    public required IReadOnlyDictionary<string, IPAddress> HostMap { get; init; }

    /// <summary>The only root CA trusted; null uses the system's trust store.</summary>
    public X509Certificate2? TrustedRoot { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool UseCookies { get; init; }

    /// <summary>Every given name mapped to 127.0.0.1, trusting the CA certificate in <paramref name="caCertificatePemPath"/>.</summary>
    public static PinnedHttpOptions Loopback(string caCertificatePemPath, params IEnumerable<string> hostNames) => new()
    {
        HostMap = hostNames.ToDictionary(h => h, _ => IPAddress.Loopback, StringComparer.OrdinalIgnoreCase),
        TrustedRoot = X509Certificate2.CreateFromPem(File.ReadAllText(caCertificatePemPath)),
    };
}
