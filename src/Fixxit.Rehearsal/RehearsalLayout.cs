using Fixxit.Sandbox;

namespace Fixxit.Rehearsal;

/// <summary>
/// Where everything of one rehearsal host lives. Every file is under <see cref="Root"/>; inside the namespaces the
/// replica's <c>/etc/hosts</c>, accounts, <c>/etc/caddy</c>, <c>/home</c>, <c>/tmp</c> and <c>/run</c> are bind mounts
/// of folders here. The sandbox's parts (keys, sshd files, dev tree, seeded credentials) keep their sandbox places
/// through <see cref="Parts"/>, whose <c>host/home/ec2-user</c> is the replica's <c>/home/ec2-user</c>.
/// </summary>
public sealed record RehearsalLayout(string Root)
{
    public const string RootMarker = ".fixxit-rehearsal-root";

    /// <summary>The sandbox's view of the same root: ssh/, credentials.json, host/home/ec2-user, tmp/.</summary>
    public SandboxLayout Parts => new(Root);

    public string StateFile => Path.Combine(Root, "rehearsal.json");

    public string HolderScript => Path.Combine(Root, "holder.sh");

    public string HolderLog => Path.Combine(Root, "holder.log");

    /// <summary>Written by the holder once every mount is in place: its pid, then its namespaces' inodes.</summary>
    public string HolderReadyFile => Path.Combine(Root, "holder.ready");

    public string InsideLog => Path.Combine(Root, "inside-up.log");

    public string HostDirectory => Path.Combine(Root, "host");

    public string Etc => Path.Combine(HostDirectory, "etc");

    public string Hosts => Path.Combine(Etc, "hosts");

    public string Passwd => Path.Combine(Etc, "passwd");

    public string Group => Path.Combine(Etc, "group");

    public string Shadow => Path.Combine(Etc, "shadow");

    public string Sudoers => Path.Combine(Etc, "sudoers");

    /// <summary>Mounted on <c>/etc/caddy</c>: the Caddyfile is at the plan's path inside.</summary>
    public string CaddyEtc => Path.Combine(Etc, "caddy");

    /// <summary>The machine's CA bundle plus Pebble's root, mounted on the replica's system bundle.</summary>
    public string CaBundle => Path.Combine(Etc, "ca-certificates.crt");

    public string Home => Path.Combine(HostDirectory, "home");

    public string Tmp => Path.Combine(HostDirectory, "tmp");

    public string Run => Path.Combine(HostDirectory, "run");

    public string PebbleDirectory => Path.Combine(Root, "pebble");

    /// <summary>The small CA that signs Pebble's own HTTPS listener (Caddy's <c>acme_ca_root</c>).</summary>
    public string PebbleListenerCa => Path.Combine(PebbleDirectory, "listener-ca.pem");

    public string PebbleListenerCertificate => Path.Combine(PebbleDirectory, "listener.pem");

    public string PebbleListenerKey => Path.Combine(PebbleDirectory, "listener.key");

    public string PebbleConfig => Path.Combine(PebbleDirectory, "pebble-config.json");

    public string PebbleLog => Path.Combine(PebbleDirectory, "pebble.log");

    /// <summary>The root Pebble signs leaves with (fetched from its management port): the one root clients trust.</summary>
    public string PebbleRoot => Path.Combine(PebbleDirectory, "root.pem");

    public string CaddyDirectory => Path.Combine(Root, "caddy");

    public string CaddyStorage => Path.Combine(CaddyDirectory, "storage");

    public string CaddyLog => Path.Combine(CaddyDirectory, "caddy.log");

    public string CaddyPidFile => Path.Combine(CaddyDirectory, "caddy.pid");

    /// <summary>HOME of the client commands run inside (the CLI, dotnet test): their caches stay here.</summary>
    public string ClientHome => Path.Combine(Root, "client-home");

    /// <summary>Where a path of the replica (under <c>/home</c> or <c>/etc/caddy</c>) is on the machine, outside the namespaces.</summary>
    public string OnMachine(string replicaPath)
    {
        ArgumentNullException.ThrowIfNull(replicaPath);
        foreach (var (inside, outside) in new[] { ("/home/", Home), ("/etc/caddy/", CaddyEtc) })
        {
            if (replicaPath.StartsWith(inside, StringComparison.Ordinal)) return Path.Combine(outside, replicaPath[inside.Length..]);
        }

        throw new ArgumentException($"{replicaPath} is not under a folder the replica mounts from its root (/home, /etc/caddy)", nameof(replicaPath));
    }

    /// <summary>The root: explicit, else <c>.rehearsal</c> in the repository (or the current directory).</summary>
    public static RehearsalLayout Resolve(string? root)
    {
        var chosen = root is { Length: > 0 } ? root : Path.Combine(SandboxLayout.RepositoryRoot() ?? Environment.CurrentDirectory, ".rehearsal");
        return new RehearsalLayout(Path.GetFullPath(chosen));
    }
}
