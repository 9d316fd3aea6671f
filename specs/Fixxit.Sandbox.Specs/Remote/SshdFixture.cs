using Fixxit.Remote;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Ssh;
using Fixxit.Topologies;

namespace Fixxit.Sandbox.Specs.Remote;

/// <summary>A real sshd (the sandbox's) on slot 1's SSH port, for the SSH client specs; its root has a space in it on purpose.</summary>
public sealed class SshdFixture : IAsyncDisposable
{
    private SshdFixture(SandboxLayout layout, int port, string fingerprint)
    {
        Layout = layout;
        Port = port;
        Fingerprint = fingerprint;
    }

    public SandboxLayout Layout { get; }

    public int Port { get; }

    public string Fingerprint { get; }

    public SshTarget Target => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        User = Environment.UserName,
        PrivateKeyPath = Layout.ClientKey,
        HostKeyFingerprint = Fingerprint,
    };

    public static async Task<SshdFixture> StartAsync()
    {
        var layout = new SandboxLayout(Path.Combine(Path.GetTempPath(), "fixxit sshd specs-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(layout.SshDirectory);
        var port = SandboxPorts.ForSlot(1).Ssh;
        var fingerprint = await SshdServer.PrepareAsync(layout, port);
        await SshdServer.EnsureRunningAsync(layout, port);
        return new SshdFixture(layout, port, fingerprint);
    }

    public async ValueTask DisposeAsync()
    {
        await SshdServer.StopAsync(Layout);
        Directory.Delete(Layout.Root, recursive: true);
    }
}
