using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Fixxit.Sandbox.Processes;

/// <summary>Which TCP ports are listening, and who holds them (from <c>ss -ltnp</c>, the real socket table).</summary>
public static partial class PortProbe
{
    /// <summary>One listening TCP socket.</summary>
    public sealed record Listener(string Address, int Port, int? Pid, string? ProcessName)
    {
        public bool IsLoopback => Address is "127.0.0.1" or "::1" or "[::1]" || Address.StartsWith("127.", StringComparison.Ordinal);

        public override string ToString() => $"{Address}:{Port} held by {(Pid is null ? "an unknown process" : $"{ProcessName} (pid {Pid})")}";
    }

    /// <summary>Every listening TCP socket on the machine.</summary>
    public static async Task<IReadOnlyList<Listener>> ListenersAsync(CancellationToken cancellationToken = default)
    {
        var result = await ProcessRunner.RunCheckedAsync("ss", ["-ltnpH"], cancellationToken: cancellationToken).ConfigureAwait(false);
        var listeners = new List<Listener>();
        foreach (var line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 4) continue;
            var local = columns[3];
            var colon = local.LastIndexOf(':');
            if (colon < 0 || !int.TryParse(local[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)) continue;
            var address = local[..colon].Trim('[', ']');
            var percent = address.IndexOf('%', StringComparison.Ordinal);
            if (percent >= 0) address = address[..percent];
            var users = UsersPattern().Match(line);
            listeners.Add(new Listener(
                address,
                port,
                users.Success ? int.Parse(users.Groups["pid"].Value, CultureInfo.InvariantCulture) : null,
                users.Success ? users.Groups["name"].Value : null));
        }

        return listeners;
    }

    /// <summary>The listeners on <paramref name="port"/> (empty when it is free).</summary>
    public static async Task<IReadOnlyList<Listener>> HoldersAsync(int port, CancellationToken cancellationToken = default) =>
        [.. (await ListenersAsync(cancellationToken).ConfigureAwait(false)).Where(l => l.Port == port)];

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Waits until the port accepts connections; false on timeout.</summary>
    public static async Task<bool> WaitAcceptingAsync(int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await AcceptsAsync(port, cancellationToken).ConfigureAwait(false)) return true;
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Waits until nothing listens on any of the ports; returns the listeners still there on timeout.</summary>
    /// <param name="counts">Which listeners count (default: all).</param>
    public static async Task<IReadOnlyList<Listener>> WaitFreeAsync(
        IReadOnlyCollection<int> ports, TimeSpan timeout, CancellationToken cancellationToken = default, Func<Listener, bool>? counts = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var busy = (await ListenersAsync(cancellationToken).ConfigureAwait(false)).Where(l => ports.Contains(l.Port) && (counts?.Invoke(l) ?? true)).ToList();
            if (busy.Count == 0 || clock.Elapsed > timeout) return busy;
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("users:\\(\\(\"(?<name>[^\"]*)\",pid=(?<pid>\\d+)")]
    private static partial Regex UsersPattern();
}
