using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fixxit.EnvConfig;
using Fixxit.Remote;
using Fixxit.Topologies;

namespace Fixxit.Sandbox;

/// <summary>Everything a client needs to use a running sandbox: topology, endpoints, pins and paths.</summary>
public sealed record SandboxInfo
{
    public required string Root { get; init; }

    public required Topology Topology { get; init; }

    public required SandboxPorts Ports { get; init; }

    public required string User { get; init; }

    /// <summary>sshd's host key, SHA-256, without <c>SHA256:</c>.</summary>
    public required string HostKeyFingerprint { get; init; }

    public required string ClientKeyPath { get; init; }

    /// <summary>Caddy's internal root CA (PEM): the only CA clients of the sandbox trust.</summary>
    public required string CaRootCertificatePath { get; init; }

    /// <summary>base64 SHA-256 of the CA's SubjectPublicKeyInfo (Chromium's <c>--ignore-certificate-errors-spki-list</c>).</summary>
    public required string CaSpkiSha256Base64 { get; init; }

    /// <summary>The seeded accounts (0600 JSON from the stand-in's <c>seed</c>).</summary>
    public required string CredentialsPath { get; init; }

    public required string CaddyfilePath { get; init; }

    public IReadOnlyList<string> Faults { get; init; } = [];

    public ServerHost Host => Topology.Hosts[0];

    public AppEnvironment Dev => Topology.Environment("dev");

    public AppEnvironment Prod => Topology.Environment("prod");

    /// <summary>The https URLs and raw endpoints by name, for printing and <c>status --json</c>.</summary>
    public IReadOnlyDictionary<string, string> Endpoints => new Dictionary<string, string>
    {
        ["dev"] = Dev.PublicUrl,
        ["prod"] = Prod.PublicUrl,
        ["ssh"] = $"{User}@127.0.0.1:{Ports.Ssh}",
        ["caddyAdmin"] = Host.Proxy.AdminAddress,
        ["devBackend"] = $"http://127.0.0.1:{Ports.DevBackend}",
        ["devFrontend"] = $"http://127.0.0.1:{Ports.DevFrontend}",
        ["prodBackend"] = $"http://127.0.0.1:{Ports.ProdBackend}",
        ["prodFrontend"] = $"http://127.0.0.1:{Ports.ProdFrontend}",
    };

    /// <summary>The pinned SSH target for the sandbox host.</summary>
    public SshTarget SshTarget() => Fixxit.Remote.SshTarget.From(Host, ClientKeyPath);

    /// <summary>An HttpClient for <c>https://dev.fixxit.ai:&lt;port&gt;</c> and <c>https://app.fixxit.ai:&lt;port&gt;</c>: names mapped to 127.0.0.1, only Caddy's CA trusted.</summary>
    public HttpClient CreateHttpClient(bool useCookies = false) =>
        PinnedHttpClientFactory.Create(PinnedHttpOptions.Loopback(CaRootCertificatePath, Dev.PublicHost, Prod.PublicHost) with { UseCookies = useCookies });

    public static string SpkiSha256Base64(string pemPath)
    {
        using var cert = X509Certificate2.CreateFromPem(File.ReadAllText(pemPath));
        return Convert.ToBase64String(SHA256.HashData(cert.PublicKey.ExportSubjectPublicKeyInfo()));
    }
}
