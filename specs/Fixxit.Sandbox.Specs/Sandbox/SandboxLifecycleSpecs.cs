using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Fixxit.Sandbox.Processes;
using Fixxit.Topologies;

namespace Fixxit.Sandbox.Specs.Sandbox;

/// <summary>down, refusals and persistence: each spec owns its own root on slot 1's ports.</summary>
[NonParallelizable]
public sealed class SandboxLifecycleSpecs
{
    private static readonly SandboxPorts Ports = SandboxPorts.ForSlot(1);
    private string _root = string.Empty;

    [SetUp]
    public void NewRoot() => _root = Path.Combine(Path.GetTempPath(), "fixxit-sandbox-specs-" + Guid.NewGuid().ToString("N")[..8]);

    [TearDown]
    public async Task RemoveRoot()
    {
        if (!Directory.Exists(_root)) return;
        await Fixxit.Sandbox.SandboxControl.DownAsync(_root);
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task Down_leaves_no_process_and_no_port_and_records_it()
    {
        await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = _root, Ports = Ports });
        var started = SandboxState.Load(new SandboxLayout(_root))!.Processes.Values.ToList();

        await Fixxit.Sandbox.SandboxControl.DownAsync(_root);

        started.Should().HaveCountGreaterThanOrEqualTo(4);
        started.Should().OnlyContain(pid => !ProcessTable.IsAlive(pid));
        ProcessTable.FindByMarker(new SandboxLayout(_root).ProcessMarker).Should().BeEmpty();
        (await PortProbe.ListenersAsync()).Where(l => Fixxit.Sandbox.SandboxControl.AllPorts(Ports).Contains(l.Port)).Should().BeEmpty();
        SandboxState.Load(new SandboxLayout(_root))!.Processes.Should().BeEmpty();
        (await Fixxit.Sandbox.SandboxControl.StatusAsync(_root)).CoreRunning.Should().BeFalse();
    }

    [Test]
    public async Task Up_refuses_a_port_held_by_another_process_naming_the_port_and_its_holder()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, Ports.DevBackend);
        squatter.Start();

        var act = () => Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = _root, Ports = Ports });

        var error = (await act.Should().ThrowAsync<SandboxException>()).Which;
        error.Message.Should().Contain($"port {Ports.DevBackend}").And.Contain("dev backend").And.Contain($"pid {Environment.ProcessId}");
    }

    [Test]
    public async Task A_non_empty_folder_that_is_not_a_sandbox_is_refused_as_root()
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "precious.txt"), "not yours");

        var act = () => Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = _root, Ports = Ports });

        (await act.Should().ThrowAsync<SandboxException>()).Which.Message.Should().Contain(_root).And.Contain("not a sandbox root");
        Directory.EnumerateFileSystemEntries(_root).Should().ContainSingle();
    }

    [Test]
    public async Task A_fault_given_at_up_is_recorded_and_survives_down_and_up()
    {
        await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = _root, Ports = Ports, Faults = ["proxy-wrong-port"] });
        await Fixxit.Sandbox.SandboxControl.DownAsync(_root);

        var info = await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = _root, Ports = Ports });

        info.Faults.Should().Equal("proxy-wrong-port");
        (await Proxy.SandboxCaddy.RoutingAsync(new SandboxLayout(_root))).UpstreamPortsFor("app.fixxit.ai").Should().Equal(Ports.DevBackend);
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "state.json")));
        state.RootElement.GetProperty("faults")[0].GetProperty("name").GetString().Should().Be("proxy-wrong-port");
        state.RootElement.GetProperty("ports").GetProperty("ssh").GetInt32().Should().Be(Ports.Ssh);
        state.RootElement.GetProperty("processes").EnumerateObject().Select(p => p.Name).Should().Contain(["sshd", "caddy", "dev.backend", "dev.frontend"]);
    }

    [Test]
    public async Task Reset_makes_a_new_sandbox_with_new_keys()
    {
        var first = await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = _root, Ports = Ports });

        var second = await Fixxit.Sandbox.SandboxControl.ResetAsync(new SandboxOptions { Root = _root, Ports = Ports });

        second.HostKeyFingerprint.Should().NotBe(first.HostKeyFingerprint);
        second.CaSpkiSha256Base64.Should().NotBe(first.CaSpkiSha256Base64);
        (await Fixxit.Sandbox.SandboxControl.StatusAsync(_root)).CoreRunning.Should().BeTrue();
    }
}
