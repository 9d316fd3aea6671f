using System.Security.Cryptography.X509Certificates;
using Fixxit.Sandbox.Processes;

namespace Fixxit.Rehearsal.Acme;

/// <summary>Debian's Pebble as the replica's ACME server (what Let's Encrypt is for the real server). Run inside the namespaces.</summary>
public static class PebbleServer
{
    public const string Program = "/usr/bin/pebble";

    public static async Task<int> StartAsync(RehearsalLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ListenerCertificates.Write(layout);
        await File.WriteAllTextAsync(layout.PebbleConfig, PebbleConfig.Render(layout), cancellationToken).ConfigureAwait(false);
        var pid = await Daemon.StartAsync(Program, ["-config", layout.PebbleConfig], layout.PebbleLog, layout.PebbleDirectory, PebbleConfig.Environment, cancellationToken)
            .ConfigureAwait(false);
        if (!await PortProbe.WaitAcceptingAsync(PebbleConfig.ManagementPort, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false)
            || !await PortProbe.WaitAcceptingAsync(PebbleConfig.AcmePort, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false))
        {
            throw new RehearsalException($"pebble did not listen on 127.0.0.1:{PebbleConfig.AcmePort}/{PebbleConfig.ManagementPort} within 10 s; see {layout.PebbleLog}");
        }

        return pid;
    }

    /// <summary>
    /// Fetches the root that signs this Pebble's leaves (made anew at each start) over its management port, trusting
    /// only the listener CA, and writes it to <see cref="RehearsalLayout.PebbleRoot"/>.
    /// </summary>
    public static async Task<X509Certificate2> FetchRootAsync(RehearsalLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        using var listenerCa = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(layout.PebbleListenerCa, cancellationToken).ConfigureAwait(false));
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(listenerCa);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var pem = await http.GetStringAsync(new Uri($"https://127.0.0.1:{PebbleConfig.ManagementPort}/roots/0"), cancellationToken).ConfigureAwait(false);
        var root = X509Certificate2.CreateFromPem(pem);
        await File.WriteAllTextAsync(layout.PebbleRoot, root.ExportCertificatePem() + "\n", cancellationToken).ConfigureAwait(false);
        return root;
    }
}
