using System.Globalization;
using Fixxit.Remote;

namespace Fixxit.Provisioning.Host;

/// <summary>Who listens on a TCP port on the host (<c>ss -ltnp</c>), with each holder's working directory from <c>/proc</c>.</summary>
internal static class PortHolders
{
    public sealed record Holder(int Port, int? Pid, string? WorkingDirectory, string Command)
    {
        /// <summary>True when the process runs in <paramref name="directory"/> (the environment's own backend or Vite).</summary>
        public bool RunsIn(string directory) =>
            WorkingDirectory is { } cwd && (cwd == directory.TrimEnd('/') || cwd.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal));

        public override string ToString() => Pid is { } pid ? $"pid {pid} ({Command.Trim()}, cwd {WorkingDirectory ?? "?"})" : "a process this user cannot see";
    }

    /// <summary>All holders of the given ports in one command; a listening port without visible pid yields a holder with a null pid.</summary>
    public static string Command(IEnumerable<int> ports)
    {
        var list = string.Join(' ', ports.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        return
            $"for port in {list}; do " +
            "lines=$(ss -Hltnp \"sport = :$port\" 2>/dev/null); [ -z \"$lines\" ] && continue; " +
            "pids=$(printf '%s\\n' \"$lines\" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); " +
            "if [ -z \"$pids\" ]; then echo \"$port|||\"; continue; fi; " +
            "for pid in $pids; do printf '%s|%s|%s|%s\\n' \"$port\" \"$pid\" \"$(readlink /proc/$pid/cwd 2>/dev/null)\" \"$(tr '\\0' ' ' < /proc/$pid/cmdline 2>/dev/null | cut -c1-160)\"; done; done";
    }

    /// <summary>The holders in the output of <see cref="Command"/>.</summary>
    public static IReadOnlyList<Holder> Parse(string output)
    {
        var holders = new List<Holder>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|', 4);
            if (parts.Length < 4 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var port)) continue;
            int? pid = int.TryParse(parts[1], CultureInfo.InvariantCulture, out var p) ? p : null;
            holders.Add(new Holder(port, pid, parts[2].Length > 0 ? parts[2] : null, parts[3]));
        }

        return holders;
    }
}
