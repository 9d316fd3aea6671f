using System.Net;
using Fixxit.EnvConfig;
using Fixxit.Masking;
using Fixxit.Remote;
using Fixxit.Remote.Targets;

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

    /// <summary>
    /// A real target through the settings contract (<see cref="TargetVariables"/>, the CLI reads the same): names
    /// mapped to <c>FIXXIT_SERVER_ADDRESS</c> when set, else resolved by DNS once; <c>FIXXIT_TRUSTED_ROOT_FILE</c> the
    /// only trusted root when set, else the system's store; SSH pinned to <c>FIXXIT_SSH_HOST_KEY_SHA256</c>.
    /// </summary>
    public static Target ForRealServer(TargetSettings settings, Topology topology, string resultsDirectory) =>
        ForRealServer(settings, topology, resultsDirectory, System.Environment.GetEnvironmentVariable,
            System.Environment.GetEnvironmentVariables().Keys.Cast<string>(), ServerAddresses.SystemDns);

    /// <summary>The same with the environment and the resolver given (specs never read the machine's or ask DNS).</summary>
    public static Target ForRealServer(TargetSettings settings, Topology topology, string resultsDirectory,
        Func<string, string?> read, IEnumerable<string> environmentNames, Func<string, IPAddress[]> dns)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(topology);
        TargetVariables.RejectMisspelled(environmentNames);
        var underTest = topology.Environment(settings.Environment);
        var host = topology.HostOf(underTest);
        var explicitAddress = TargetVariables.Optional(settings.ServerAddressVariable, read);
        // The plan redacts the server address; so does every output of a run.
        SecretMasker.Shared.Register(explicitAddress, "server address");
        var fingerprint = TargetVariables.Required(settings.HostKeyFingerprintVariable, read);
        var keyPath = TargetVariables.Required(settings.SshKeyPathVariable, read);
        var trustedRoot = TargetVariables.Optional(settings.TrustedRootVariable, read);
        if (trustedRoot is not null && !File.Exists(trustedRoot))
        {
            throw new TargetSettingsException($"environment variable {settings.TrustedRootVariable}={trustedRoot}: no such file (a PEM root certificate)");
        }

        var names = host.Environments.Select(e => e.PublicHost).Append(host.SshAddress).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var map = ServerAddresses.Resolve(names, explicitAddress, dns);
        return new Target
        {
            Settings = settings,
            Topology = topology,
            UnderTest = underTest,
            Source = topology.Environment(settings.SourceEnvironment),
            HostMap = map,
            CaCertificatePath = trustedRoot,
            CaSpkiSha256Base64 = trustedRoot is null ? null : Fixxit.Sandbox.SandboxInfo.SpkiSha256Base64(trustedRoot),
            Accounts = TargetAccounts.FromEnvironment(settings),
            Ssh = SshTarget.From(host with { SshAddress = map[host.SshAddress].ToString(), HostKeyFingerprint = fingerprint }, keyPath),
            ResultsDirectory = resultsDirectory,
        };
    }
}
