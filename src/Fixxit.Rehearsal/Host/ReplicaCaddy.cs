using System.Net.Security;
using System.Security.Authentication;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Fixxit.EnvConfig;
using Fixxit.FileFormats.Caddy;
using Fixxit.Rehearsal.Acme;
using Fixxit.Sandbox.Processes;

namespace Fixxit.Rehearsal.Host;

/// <summary>
/// Caddy on the replica: the plan's site blocks exactly as on the real server (no <c>bind</c>, no <c>tls internal</c>),
/// at the plan's path, ordering its certificates over ACME from Pebble instead of Let's Encrypt. The global block
/// only says which ACME server, which root its listener has, and where Caddy keeps state (under the root).
/// Caddy runs as a plain process: there is no systemd inside a namespace.
/// </summary>
public static class ReplicaCaddy
{
    public const string Program = "/usr/bin/caddy";

    public static string Render(RehearsalLayout layout, IEnumerable<ProxySite> sites)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var global = new CaddyGlobalOptions
        {
            StoragePath = layout.CaddyStorage,
            AcmeCa = PebbleConfig.DirectoryUrl,
            AcmeCaRoot = layout.PebbleListenerCa,
            OcspStaplingOff = true,
        };
        return "# Fixxit rehearsal host: the plan's site blocks; certificates from the replica's ACME server (Pebble).\n"
            + CaddyfileRenderer.Render(sites, global, CaddySiteOptions.Real);
    }

    /// <summary>Caddy's data and config under the root (else it writes /root/.local and /root/.config).</summary>
    public static IReadOnlyDictionary<string, string> Environment(RehearsalLayout layout) => new Dictionary<string, string>
    {
        ["XDG_DATA_HOME"] = Path.Combine(layout.CaddyDirectory, "xdg-data"),
        ["XDG_CONFIG_HOME"] = Path.Combine(layout.CaddyDirectory, "xdg-config"),
        ["HOME"] = Path.Combine(layout.CaddyDirectory, "home"),
    };

    /// <summary>Writes and validates the Caddyfile at <paramref name="configPath"/> (inside: the plan's path), then starts Caddy.</summary>
    public static async Task<int> StartAsync(RehearsalLayout layout, string configPath, IEnumerable<ProxySite> sites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var environment = Environment(layout);
        foreach (var dir in environment.Values.Append(layout.CaddyStorage)) Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(configPath, Render(layout, sites), cancellationToken).ConfigureAwait(false);
        await ProcessRunner.RunCheckedAsync(Program, CaddyArguments("validate", configPath), layout.CaddyDirectory, environment, cancellationToken).ConfigureAwait(false);
        var pid = await Daemon.StartAsync(Program, [.. CaddyArguments("run", configPath), "--pidfile", layout.CaddyPidFile], layout.CaddyLog, layout.CaddyDirectory, environment, cancellationToken)
            .ConfigureAwait(false);
        if (!await PortProbe.WaitAcceptingAsync(443, TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false))
        {
            throw new RehearsalException($"caddy did not listen on 443 within 15 s; see {layout.CaddyLog}");
        }

        return pid;
    }

    /// <summary>
    /// Waits until 127.0.0.1:443 presents, for <paramref name="name"/>, a certificate issued through ACME (chaining to
    /// Pebble's root), not a placeholder; returns it.
    /// </summary>
    public static async Task<X509Certificate2> WaitIssuedAsync(string name, X509Certificate2 acmeRoot, TimeSpan timeout, RehearsalLayout layout, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < timeout)
        {
            try
            {
                var (leaf, intermediates) = await PresentedAsync(name, cancellationToken).ConfigureAwait(false);
                if (ChainsTo(leaf, intermediates, acmeRoot)) return leaf;
                last = $"presented {leaf.Subject} issued by {leaf.Issuer}, which does not chain to Pebble's root";
            }
            catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
            {
                last = e.Message;
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        throw new RehearsalException($"caddy did not obtain a certificate for {name} from Pebble within {timeout.TotalSeconds:0} s ({last}); see {layout.CaddyLog} and {layout.PebbleLog}");
    }

    private static async Task<(X509Certificate2 Leaf, List<X509Certificate2> Intermediates)> PresentedAsync(string name, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", 443, cancellationToken).ConfigureAwait(false);
        X509Certificate2? presented = null;
        var intermediates = new List<X509Certificate2>();
        await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, chain, _) =>
        {
            if (certificate is not null) presented = new X509Certificate2(certificate);
            if (chain is not null) intermediates.AddRange(chain.ChainElements.Skip(1).Select(e => new X509Certificate2(e.Certificate)));
            return true; // only looked at here; trust is decided by ChainsTo
        });
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = name }, cancellationToken).ConfigureAwait(false);
        return (presented ?? throw new IOException("no certificate presented"), intermediates);
    }

    private static bool ChainsTo(X509Certificate2 leaf, List<X509Certificate2> intermediates, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    private static string[] CaddyArguments(string verb, string configPath) => [verb, "--config", configPath, "--adapter", "caddyfile"];
}
