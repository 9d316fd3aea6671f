using Fixxit.FileFormats.Sockets;

namespace Fixxit.EnvConfig.Specs.Sockets;

/// <summary>Real <c>ss -ltnpH</c> lines: IPv4, IPv6, <c>%lo</c> scopes, several pids, no visible pid.</summary>
public sealed class SsListenersSpecs
{
    private const string Output =
        "LISTEN 0      4096   127.0.0.53%lo:53         0.0.0.0:*    users:((\"systemd-resolve\",pid=612,fd=14))\n" +
        "LISTEN 0      511        127.0.0.1:18081      0.0.0.0:*    users:((\"dotnet\",pid=4242,fd=200),(\"dotnet\",pid=4243,fd=200))\n" +
        "LISTEN 0      128          0.0.0.0:22         0.0.0.0:*\n" +
        "LISTEN 0      511            [::1]:15174         [::]:*    users:((\"node\",pid=5150,fd=23))\n" +
        "LISTEN 0      128             [::]:22            [::]:*    users:((\"sshd\",pid=901,fd=4),(\"sshd\",pid=901,fd=5))\n" +
        "LISTEN 0      128   [fe80::1%eth0]:8080          [::]:*\n";

    [Test]
    public void Every_line_gives_address_port_and_holders()
    {
        var sockets = SsListeners.Parse(Output);

        sockets.Select(s => (s.Address, s.Port)).Should().Equal(
            ("127.0.0.53", 53), ("127.0.0.1", 18081), ("0.0.0.0", 22), ("::1", 15174), ("::", 22), ("fe80::1", 8080));
        sockets[1].Pids.Should().Equal(4242, 4243);
        sockets[1].Holders[0].Should().Be(new SocketHolder("dotnet", 4242));
        sockets[2].Holders.Should().BeEmpty("no pid is visible for another user's socket");
        sockets[4].Pids.Should().Equal(901);
        sockets.Select(s => s.IsLoopback).Should().Equal(true, true, false, true, false, false);
    }

    [Test]
    public void Blank_and_unreadable_lines_are_skipped() =>
        SsListeners.Parse("\n\nState Recv-Q\nLISTEN 0 1 nonsense 0.0.0.0:*\n").Should().BeEmpty();
}
