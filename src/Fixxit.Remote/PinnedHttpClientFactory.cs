using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Fixxit.Remote;

/// <summary>
/// HttpClients that reach a named host at an address of our choosing (like <c>curl --connect-to</c>) while TLS still
/// uses the real name for SNI and the certificate check, trusting exactly one root CA. Unmapped hosts are refused
/// before any DNS lookup, so a client made here can never wander off to a real fixxit.ai address. Useful for the
/// sandbox (names → 127.0.0.1, Caddy's internal CA) and for checking a new server before DNS points at it.
/// </summary>
public static class PinnedHttpClientFactory
{
    public static HttpClient Create(PinnedHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HttpClient(CreateHandler(options), disposeHandler: true) { Timeout = options.Timeout };
    }

    public static SocketsHttpHandler CreateHandler(PinnedHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var map = new Dictionary<string, IPAddress>(options.HostMap, StringComparer.OrdinalIgnoreCase);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = options.UseCookies,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                if (!map.TryGetValue(host, out var address))
                {
                    throw new HttpRequestException($"host '{host}' is not mapped to an address; refusing to resolve it (mapped: {string.Join(", ", map.Keys)})");
                }

                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        if (options.TrustedRoot is { } root)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.Add(root);
            handler.SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy };
        }

        return handler;
    }
}
