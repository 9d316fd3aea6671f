using System.Globalization;
using System.Text.RegularExpressions;

namespace Fixxit.FileFormats.Sockets;

/// <summary>
/// The one reader of <c>ss -ltnpH</c> output (state, recv-q, send-q, local address:port, peer, <c>users:((…))</c>).
/// Pure: callers run <c>ss</c> where the sockets are (locally, or on the server over SSH) and pass the text.
/// </summary>
public static partial class SsListeners
{
    public const string Command = "ss -ltnpH";

    public static IReadOnlyList<ListeningSocket> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sockets = new List<ListeningSocket>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 4) continue;
            var local = columns[3];
            var colon = local.LastIndexOf(':');
            if (colon < 0 || !int.TryParse(local[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)) continue;
            var address = local[..colon].Trim('[', ']');
            // A scope (127.0.0.53%lo, [fe80::1%eth0]) names the interface, not the address.
            var percent = address.IndexOf('%', StringComparison.Ordinal);
            if (percent >= 0) address = address[..percent];
            var holders = Holder().Matches(line)
                .Select(m => new SocketHolder(m.Groups["name"].Value, int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture)))
                .Distinct().ToList();
            sockets.Add(new ListeningSocket(address, port, holders));
        }

        return sockets;
    }

    [GeneratedRegex("\\(\"(?<name>[^\"]*)\",pid=(?<pid>\\d+)")]
    private static partial Regex Holder();
}
