namespace Fixxit.Rehearsal.Namespaces;

/// <summary>
/// What the rehearsal host needs before it starts anything: root (new network and mount namespaces, bind mounts over
/// /etc and /home, sshd switching to ec2-user) and the programs it runs. Missing pieces are named all at once.
/// </summary>
public static class Privileges
{
    /// <summary>The programs the replica runs, with the Debian package that ships each.</summary>
    public static readonly IReadOnlyList<(string Program, string Package)> Programs =
    [
        ("/usr/bin/unshare", "util-linux"), ("/usr/bin/nsenter", "util-linux"), ("/usr/sbin/runuser", "util-linux"),
        ("/usr/sbin/sshd", "openssh-server"), ("/usr/bin/caddy", "caddy"), ("/usr/bin/pebble", "pebble"), ("/usr/bin/sudo", "sudo"),
        ("/usr/sbin/ip", "iproute2"), ("/usr/bin/ss", "iproute2"),
    ];

    public static void Require() => Require(EffectiveUserId(), p => File.Exists(p));

    /// <summary>Throws one error naming everything missing; <paramref name="exists"/> is injectable for specs.</summary>
    public static void Require(int effectiveUserId, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(exists);
        var missing = new List<string>();
        if (effectiveUserId != 0)
        {
            missing.Add($"root privileges (running as uid {effectiveUserId}): creating network and mount namespaces, bind-mounting the replica's /etc/hosts, accounts and /home, and letting sshd switch to ec2-user need uid 0 — run it as root (CI does), or use the loopback sandbox (`fixxit gate`)");
        }

        var absent = Programs.Where(p => !exists(p.Program)).ToList();
        if (absent.Count > 0)
        {
            missing.Add($"programs {string.Join(", ", absent.Select(p => p.Program))} (Debian packages {string.Join(", ", absent.Select(p => p.Package).Distinct())}; eng/bootstrap.sh installs them)");
        }

        if (missing.Count > 0) throw new RehearsalException("the rehearsal host cannot start: missing " + string.Join("; and ", missing));
    }

    /// <summary>The effective uid from <c>/proc/self/status</c> ("Uid: real effective saved fs").</summary>
    public static int EffectiveUserId()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(line.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}
