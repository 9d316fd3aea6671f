namespace Fixxit.FileFormats.Sockets;

/// <summary>One listening TCP socket from <c>ss -ltnpH</c>: local address (brackets and <c>%scope</c> removed), port, and the processes holding it (empty when none is visible).</summary>
public sealed record ListeningSocket(string Address, int Port, IReadOnlyList<SocketHolder> Holders)
{
    public IReadOnlyList<int> Pids => Holders.Select(h => h.Pid).Distinct().ToList();

    public bool IsLoopback => Address is "127.0.0.1" or "::1" || Address.StartsWith("127.", StringComparison.Ordinal);
}

/// <summary>A process holding a socket: its command name and pid as <c>ss -p</c> prints them.</summary>
public sealed record SocketHolder(string Name, int Pid);
