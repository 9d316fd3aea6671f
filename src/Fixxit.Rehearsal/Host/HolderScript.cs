using System.Text;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.Rehearsal.Host;

/// <summary>
/// The long-lived holder: run by <c>unshare --net --mount --propagation private --fork</c>, it brings the new
/// network's loopback up, bind-mounts the replica's files over the machine's (visible to the namespace only), writes
/// its pid and namespace identities, and sleeps. Any failing step ends it (set -e), and <c>up</c> reports its log.
/// </summary>
public static class HolderScript
{
    /// <summary>(source under the root, target on the replica): files and folders bind-mounted in this order.</summary>
    public static IReadOnlyList<(string Source, string Target)> Mounts(RehearsalLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return
        [
            (layout.Hosts, "/etc/hosts"),
            (layout.Passwd, "/etc/passwd"),
            (layout.Group, "/etc/group"),
            (layout.Shadow, "/etc/shadow"),
            (layout.Sudoers, "/etc/sudoers"),
            (layout.CaddyEtc, "/etc/caddy"),
            (layout.Home, "/home"),
            (layout.Tmp, "/tmp"),
            (layout.Run, "/run"),
        ];
    }

    public static string Render(RehearsalLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var b = new StringBuilder("#!/bin/bash\n# Fixxit rehearsal host: holds the replica's network and mount namespaces.\nset -euo pipefail\n");
        b.Append("ip link set lo up\n");
        foreach (var (source, target) in Mounts(layout))
        {
            // A target the machine lacks (e.g. /etc/caddy without Caddy) is an error, never created outside the root.
            b.Append("mount --bind ").Append(ShellQuote.Quote(source)).Append(' ').Append(ShellQuote.Quote(target)).Append('\n');
        }

        var ready = ShellQuote.Quote(layout.HolderReadyFile);
        b.Append("printf '%s\\n%s\\n%s\\n' \"$$\" \"$(readlink /proc/self/ns/net)\" \"$(readlink /proc/self/ns/mnt)\" > ").Append(ready).Append(".new\n");
        b.Append("mv ").Append(ready).Append(".new ").Append(ready).Append('\n');
        b.Append("exec sleep infinity\n");
        return b.ToString();
    }
}
