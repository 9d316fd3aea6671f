using Fixxit.EnvConfig;

namespace Fixxit.Topologies;

/// <summary>
/// The sandbox replica of <see cref="FixxitTopology"/>: the same environments (derived with <c>with</c>, so the real
/// values carry over), but on loopback high ports and under a sandbox root. Host names stay the real ones; clients map
/// them to 127.0.0.1. Known only at run time (root, generated host key), so the run-time validator checks it.
/// </summary>
public static class SandboxTopology
{
    /// <param name="root">Absolute sandbox root; the server's file system lives under <c>root/host</c>.</param>
    /// <param name="hostKeyFingerprint">The sandbox sshd's generated host key (SHA256 form), pinned by clients.</param>
    /// <param name="user">The local user sshd lets in.</param>
    public static Topology Create(string root, string? hostKeyFingerprint, string user, SandboxPorts? ports = null)
    {
        var p = ports ?? SandboxPorts.Default;
        var serverRoot = Path.Combine(root, "host");
        var dev = FixxitTopology.Dev with
        {
            Directory = serverRoot + FixxitTopology.Dev.Directory,
            BackendPort = p.DevBackend,
            FrontendPort = p.DevFrontend,
            PublicUrl = Public(FixxitTopology.Dev, p),
            Settings = FixxitTopology.Dev.Settings with { WebuiUrl = Public(FixxitTopology.Dev, p), FrontendBaseUrl = Public(FixxitTopology.Dev, p) },
            Proxy = FixxitTopology.Dev.Proxy! with { UpstreamPort = p.DevBackend },
        };
        var prod = FixxitTopology.Prod with
        {
            Directory = serverRoot + FixxitTopology.Prod.Directory,
            BackendPort = p.ProdBackend,
            FrontendPort = p.ProdFrontend,
            PublicUrl = Public(FixxitTopology.Prod, p),
            Settings = FixxitTopology.Prod.Settings with { WebuiUrl = Public(FixxitTopology.Prod, p), FrontendBaseUrl = Public(FixxitTopology.Prod, p) },
            Database = DatabaseSpec.CopyOf(dev),
            Proxy = FixxitTopology.Prod.Proxy! with { UpstreamPort = p.ProdBackend },
        };
        var host = FixxitTopology.Server with
        {
            Name = "sandbox",
            SshAddress = "127.0.0.1",
            SshPort = p.Ssh,
            User = user,
            HostKeyFingerprint = hostKeyFingerprint,
            IdentityFile = SecretRef.File(Path.Combine(root, "ssh", "client_ed25519")),
            Proxy = new ReverseProxy
            {
                Kind = "caddy",
                ConfigPath = Path.Combine(root, "caddy", "Caddyfile"),
                AdminAddress = $"127.0.0.1:{p.CaddyAdmin}",
                HttpsPort = p.CaddyHttps,
                HttpPort = p.CaddyHttp,
            },
            Environments = [dev, prod],
        };
        return new Topology { Name = "sandbox", Hosts = [host] };
    }

    private static string Public(AppEnvironment env, SandboxPorts p) => $"https://{env.PublicHost}:{p.CaddyHttps}";
}
