using Fixxit.EnvConfig;

namespace Fixxit.Topologies;

/// <summary>
/// Fixxit's real deployment, with the plan's values (deployment-plan.md, "Target State"). Production is dev with the
/// plan's changes, so everything not listed under <see cref="Prod"/> is visibly inherited from <see cref="Dev"/>.
/// The server's address, host key and credentials are supplied at run time (runsettings / environment variables).
/// </summary>
public static class FixxitTopology
{
    public const string HostName = "lightsail";

    public static readonly AppEnvironment Dev = new()
    {
        Name = "dev",
        Tier = Tier.Development,
        Directory = "/home/ec2-user/fixxit.ai-openwebui",
        BackendPort = 8080,
        FrontendPort = 5173,
        PublicUrl = "https://dev.fixxit.ai",
        Settings = new AppSettings { WebuiUrl = "https://dev.fixxit.ai", FrontendBaseUrl = "https://dev.fixxit.ai" },
        Secrets = new EnvironmentSecrets
        {
            EncryptionKey = SecretRef.DotEnv(AppEnvironment.DefaultDotEnvFile, EnvironmentSecrets.EncryptionKeyName),
            WebuiSecretKey = SecretRef.DotEnv(AppEnvironment.DefaultDotEnvFile, EnvironmentSecrets.WebuiSecretKeyName),
            EncryptionKeyMirrors = [SecretRef.ShellScript("start_server.sh", EnvironmentSecrets.EncryptionKeyName)],
        },
        Frontend = FrontendMode.ViteDevServer,
        Dependencies = DependencyInstall.All,
        CopyExclusions = CopyExclusions.PlanWithLiveDatabase,
        Proxy = new ProxySite { Domain = "dev.fixxit.ai", UpstreamPort = 8080 },
    };

    public static readonly AppEnvironment Prod = Dev with
    {
        Name = "prod",
        Tier = Tier.Production,
        Directory = "/home/ec2-user/fixxit.ai-openwebui-prod",
        BackendPort = 8081,
        FrontendPort = 5174,
        PublicUrl = "https://app.fixxit.ai",
        Settings = new AppSettings { WebuiUrl = "https://app.fixxit.ai", FrontendBaseUrl = "https://app.fixxit.ai" },
        Database = DatabaseSpec.CopyOf(Dev),
        Proxy = new ProxySite { Domain = "app.fixxit.ai", UpstreamPort = 8081 },
    };

    /// <summary>The one server. Its SSH address is the public name the plan says points at it.</summary>
    public static readonly ServerHost Server = new()
    {
        Name = HostName,
        SshAddress = "app.fixxit.ai",
        User = "ec2-user",
        IdentityFile = SecretRef.EnvironmentVariable("FIXXIT_SSH_KEY_FILE"),
        Proxy = new ReverseProxy { Kind = "caddy", ConfigPath = "/etc/caddy/Caddyfile", AdminAddress = "localhost:2019" },
        Environments = [Dev, Prod],
    };

    public static readonly Topology Real = new() { Name = "fixxit", Hosts = [Server] };
}
