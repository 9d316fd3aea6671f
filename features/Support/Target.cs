using System.Net;
using Fixxit.EnvConfig;
using Fixxit.Masking;
using Fixxit.Remote;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// The resolved target of this run: topology, the environment under test and its source, how names map to addresses
/// (never DNS), which CA is trusted, the accounts, and the pinned SSH target. Built once in the [BeforeTestRun] hook.
/// </summary>
public sealed class Target
{
    public required TargetSettings Settings { get; init; }

    public required Topology Topology { get; init; }

    public required AppEnvironment UnderTest { get; init; }

    /// <summary>The environment the one under test was copied from (dev), checked to be untouched and still up.</summary>
    public required AppEnvironment Source { get; init; }

    public required IReadOnlyDictionary<string, IPAddress> HostMap { get; init; }

    /// <summary>PEM of the only trusted root CA (sandbox: Caddy's internal CA); null = the system's trust store.</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>base64 SHA-256 of the CA's SPKI for Chromium; null = the system's trust store.</summary>
    public string? CaSpkiSha256Base64 { get; init; }

    public required TargetAccounts Accounts { get; init; }

    public required SshTarget Ssh { get; init; }

    /// <summary>Environment variables for Caddy commands on the host (the sandbox keeps Caddy's state under its root).</summary>
    public IReadOnlyDictionary<string, string> CaddyEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The folder of this run's report (screenshots, traces, DB snapshots go beside it).</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>A short id that names everything a @mutating scenario creates in this run.</summary>
    public string RunId { get; } = DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..4];

    public ServerHost Host => Topology.HostOf(UnderTest);

    public string Describe() => $"{Topology.Name} {UnderTest.Name} ({UnderTest.PublicUrl})";

    /// <summary>The environment by name; "prod"/"dev" or whatever the topology declares.</summary>
    public AppEnvironment Environment(string name) => Topology.Environment(name);

    public HttpClient CreateHttpClient() => PinnedHttpClientFactory.Create(new PinnedHttpOptions
    {
        HostMap = HostMap,
        TrustedRoot = CaCertificatePath is null ? null : System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(CaCertificatePath)),
        Timeout = TimeSpan.FromSeconds(20),
    });

    /// <summary>Chromium's <c>--host-resolver-rules</c>: every mapped name to its address, everything else unresolvable.</summary>
    public string HostResolverRules() =>
        string.Join(", ", HostMap.Select(p => $"MAP {p.Key} {p.Value}").Append("MAP * ~NOTFOUND"));

    /// <summary>A real target: names mapped to the server address from the environment, system CA trust, pinned SSH.</summary>
    public static Target ForRealServer(TargetSettings settings, Topology topology, string resultsDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(topology);
        var underTest = topology.Environment(settings.Environment);
        var host = topology.HostOf(underTest);
        var addressText = Required(settings.ServerAddressVariable, "the server's IP address (names are mapped to it, never resolved)");
        // The plan redacts the server address; so does every output of a run.
        SecretMasker.Shared.Register(addressText, "server address");
        if (!IPAddress.TryParse(addressText, out var address))
            throw new ArgumentException($"{settings.ServerAddressVariable}='{addressText}' is not an IP address");
        var fingerprint = Required(settings.HostKeyFingerprintVariable, "the server's SSH host key fingerprint (SHA256)");
        var keyPath = Required(settings.SshKeyPathVariable, "the path of the SSH private key");
        var map = host.Environments.Select(e => e.PublicHost).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(h => h, _ => address, StringComparer.OrdinalIgnoreCase);
        return new Target
        {
            Settings = settings,
            Topology = topology,
            UnderTest = underTest,
            Source = topology.Environment(settings.SourceEnvironment),
            HostMap = map,
            Accounts = TargetAccounts.FromEnvironment(settings),
            Ssh = SshTarget.From(host with { SshAddress = address.ToString(), HostKeyFingerprint = fingerprint }, keyPath),
            ResultsDirectory = resultsDirectory,
        };
    }

    private static string Required(string variable, string what)
    {
        var value = System.Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"environment variable {variable} ({what}) is not set");
        return value.Trim();
    }
}
