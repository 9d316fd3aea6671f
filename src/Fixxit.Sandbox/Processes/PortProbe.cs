using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Fixxit.FileFormats.Sockets;

namespace Fixxit.Sandbox.Processes;

/// <summary>Which TCP ports are listening, and who holds them (from <c>ss -ltnp</c>, the real socket table).</summary>
public static class PortProbe
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
        // The one ss reader (Fixxit.FileFormats); as before, a socket is named by its first holder.
        return SsListeners.Parse(result.StdOut)
            .Select(s => s.Holders.Count == 0 ? new Listener(s.Address, s.Port, null, null) : new Listener(s.Address, s.Port, s.Holders[0].Pid, s.Holders[0].Name))
            .ToList();
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

}
