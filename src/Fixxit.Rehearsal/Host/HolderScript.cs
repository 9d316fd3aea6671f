using System.Text;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.Rehearsal.Host;

/// <summary>
/// The long-lived holder: run by <c>unshare --net --mount --propagation private --fork</c>, it brings the new
/// network's loopback up, bind-mounts the replica's files over the machine's (visible to the namespace only), writes
/// its pid and namespace identities, and sleeps. Any failing step ends it (set -e), and <c>up</c> reports its log.
/// Folders the run needs inside (its root, the repository, the running CLI) may live under a folder the replica
/// replaces — a clone in <c>/tmp</c>, a checkout under <c>/home</c>: each is bind-mounted at its own path inside the
/// replacement first, so it keeps its path inside the namespaces too.
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

    /// <param name="keepVisible">Folders that must keep their paths inside (absolute; the root is always kept).</param>
    public static string Render(RehearsalLayout layout, IEnumerable<string> keepVisible)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(keepVisible);
        var kept = Outermost([layout.Root, .. keepVisible]);
        var b = new StringBuilder("#!/bin/bash\n# Fixxit rehearsal host: holds the replica's network and mount namespaces.\nset -euo pipefail\n");
        b.Append("ip link set lo up\n");
        foreach (var (source, target) in Mounts(layout))
        {
            var under = kept.Where(k => k.StartsWith(target.TrimEnd('/') + "/", StringComparison.Ordinal)).ToList();
            foreach (var folder in under)
            {
                // Shown at its own path inside the replacement, then carried along by the recursive bind below.
                var inside = ShellQuote.Quote(Path.Combine(source, folder[(target.TrimEnd('/').Length + 1)..]));
                b.Append("mkdir -p ").Append(inside).Append('\n');
                b.Append("mount --bind ").Append(ShellQuote.Quote(folder)).Append(' ').Append(inside).Append('\n');
            }

            // A target the machine lacks (e.g. /etc/caddy without Caddy) is an error, never created outside the root.
            b.Append(under.Count > 0 ? "mount --rbind " : "mount --bind ").Append(ShellQuote.Quote(source)).Append(' ').Append(ShellQuote.Quote(target)).Append('\n');
        }

        var ready = ShellQuote.Quote(layout.HolderReadyFile);
        b.Append("printf '%s\\n%s\\n%s\\n' \"$$\" \"$(readlink /proc/self/ns/net)\" \"$(readlink /proc/self/ns/mnt)\" > ").Append(ready).Append(".new\n");
        b.Append("mv ").Append(ready).Append(".new ").Append(ready).Append('\n');
        b.Append("exec sleep infinity\n");
        return b.ToString();
    }

    /// <summary>The folders without the ones inside another (that one's bind shows them already).</summary>
    private static List<string> Outermost(IEnumerable<string> folders)
    {
        var full = folders.Select(f => Path.GetFullPath(f).TrimEnd('/')).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return [.. full.Where(f => !full.Any(o => o != f && f.StartsWith(o + "/", StringComparison.Ordinal)))];
    }
}
