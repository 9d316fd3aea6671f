using System.Globalization;
using Fixxit.FileFormats.Sockets;

namespace Fixxit.Provisioning.Host;

/// <summary>
/// Who listens on a TCP port on the host, with each holder's working directory from <c>/proc</c>. The socket table is
/// read with <see cref="SsListeners"/>, the one reader of <c>ss</c> output; the same command then prints each listening
/// process's cwd and command line, so it stays one round trip.
/// </summary>
internal static class PortHolders
{
    /// <summary>Separates the socket table from the process lines in the command's output.</summary>
    private const string Separator = "--fixxit-port-holders--";

    public sealed record Holder(int Port, int? Pid, string? WorkingDirectory, string Command)
    {
        /// <summary>True when the process runs in <paramref name="directory"/> (the environment's own backend or Vite).</summary>
        public bool RunsIn(string directory) =>
            WorkingDirectory is { } cwd && (cwd == directory.TrimEnd('/') || cwd.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal));

        public override string ToString() => Pid is { } pid ? $"pid {pid} ({Command.Trim()}, cwd {WorkingDirectory ?? "?"})" : "a process this user cannot see";
    }

    /// <summary>The socket table, then <c>pid|cwd|cmdline</c> for every process that holds a listening socket.</summary>
    public static string Command() =>
        $"sockets=$({SsListeners.Command} 2>/dev/null); printf '%s\\n' \"$sockets\"; echo '{Separator}'; " +
        "for pid in $(printf '%s\\n' \"$sockets\" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do " +
        "printf '%s|%s|%s\\n' \"$pid\" \"$(readlink /proc/$pid/cwd 2>/dev/null)\" \"$(tr '\\0' ' ' < /proc/$pid/cmdline 2>/dev/null | cut -c1-160)\"; done";

    /// <summary>
    /// The holders of <paramref name="ports"/> in the output of <see cref="Command"/>; a listening port whose process is
    /// not visible yields a holder with a null pid.
    /// </summary>
    public static IReadOnlyList<Holder> Parse(string output, IEnumerable<int> ports)
    {
        ArgumentNullException.ThrowIfNull(output);
        var wanted = ports.ToHashSet();
        var split = output.IndexOf(Separator, StringComparison.Ordinal);
        var table = split < 0 ? output : output[..split];
        var processes = new Dictionary<int, (string? Cwd, string Command)>();
        foreach (var line in (split < 0 ? string.Empty : output[(split + Separator.Length)..]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|', 3);
            if (parts.Length == 3 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid))
                processes[pid] = (parts[1].Length > 0 ? parts[1] : null, parts[2]);
        }

        var holders = new List<Holder>();
        foreach (var port in SsListeners.Parse(table).Where(s => wanted.Contains(s.Port)).GroupBy(s => s.Port))
        {
            var pids = port.SelectMany(s => s.Pids).Distinct().Order().ToList();
            if (pids.Count == 0)
            {
                holders.Add(new Holder(port.Key, null, null, string.Empty));
                continue;
            }

            foreach (var pid in pids)
            {
                var known = processes.TryGetValue(pid, out var process);
                holders.Add(new Holder(port.Key, pid, known ? process.Cwd : null, known ? process.Command : string.Empty));
            }
        }

        return holders;
    }
}
