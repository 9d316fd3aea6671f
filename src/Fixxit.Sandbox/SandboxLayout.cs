namespace Fixxit.Sandbox;

/// <summary>Where everything of one sandbox lives. Every path is under <see cref="Root"/>; nothing is written elsewhere.</summary>
public sealed record SandboxLayout(string Root)
{
    public string StateFile => Path.Combine(Root, "state.json");

    /// <summary>The path a process of this sandbox mentions in its command line or working directory (see <see cref="Processes.ProcessTable.IsOurs"/>).</summary>
    public string ProcessMarker => Root.TrimEnd('/');

    public string SshDirectory => Path.Combine(Root, "ssh");

    public string HostKey => Path.Combine(SshDirectory, "host_ed25519");

    /// <summary>The client's private key; its public half is the only authorized key.</summary>
    public string ClientKey => Path.Combine(SshDirectory, "client_ed25519");

    public string AuthorizedKeys => Path.Combine(SshDirectory, "authorized_keys");

    public string SshdConfig => Path.Combine(SshDirectory, "sshd_config");

    public string SshdPidFile => Path.Combine(SshDirectory, "sshd.pid");

    public string SshdLog => Path.Combine(SshDirectory, "sshd.log");

    public string CaddyDirectory => Path.Combine(Root, "caddy");

    public string Caddyfile => Path.Combine(CaddyDirectory, "Caddyfile");

    public string CaddyPidFile => Path.Combine(CaddyDirectory, "caddy.pid");

    public string CaddyLog => Path.Combine(CaddyDirectory, "caddy.log");

    /// <summary>Caddy's <c>storage file_system</c>: certificates and its internal CA.</summary>
    public string CaddyStorage => Path.Combine(CaddyDirectory, "storage");

    public string CaddyXdgData => Path.Combine(CaddyDirectory, "xdg-data");

    public string CaddyXdgConfig => Path.Combine(CaddyDirectory, "xdg-config");

    public string CaddyHome => Path.Combine(CaddyDirectory, "home");

    /// <summary>Caddy's internal root CA certificate, which clients pin.</summary>
    public string CaRootCertificate => Path.Combine(CaddyStorage, "pki", "authorities", "local", "root.crt");

    /// <summary>The sandbox server's file system: the real server's absolute paths, re-rooted here.</summary>
    public string HostDirectory => Path.Combine(Root, "host");

    /// <summary>The login user's home (the real server's <c>/home/ec2-user</c>).</summary>
    public string UserHome => Path.Combine(HostDirectory, "home", "ec2-user");

    /// <summary>The seeded accounts (0600 JSON written by the stand-in's <c>seed</c> verb).</summary>
    public string CredentialsFile => Path.Combine(Root, "credentials.json");

    public string TemporaryDirectory => Path.Combine(Root, "tmp");

    /// <summary>
    /// Resolves the root: explicit, else <c>FIXXIT_SANDBOX_ROOT</c>, else <c>.sandbox</c> in the repository (or current
    /// directory). A relative root is relative to <paramref name="repository"/> when one is given (runsettings name
    /// roots relative to the repository), else to the current directory (a CLI argument).
    /// </summary>
    public static SandboxLayout Resolve(string? root, string? repository = null)
    {
        var chosen = root is { Length: > 0 } ? root
            : Environment.GetEnvironmentVariable("FIXXIT_SANDBOX_ROOT") is { Length: > 0 } fromEnv ? fromEnv
            : Path.Combine(repository ?? RepositoryRoot() ?? Environment.CurrentDirectory, ".sandbox");
        return new SandboxLayout(Path.GetFullPath(chosen, repository ?? Environment.CurrentDirectory));
    }

    /// <summary>The nearest directory above the current one holding <c>Fixxit.Verify.sln</c>, if any.</summary>
    public static string? RepositoryRoot(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fixxit.Verify.sln"))) return dir.FullName;
        }

        return null;
    }
}
