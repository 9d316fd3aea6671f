using System.Net;
using System.Net.Sockets;
using Fixxit.Sandbox.Backend.Specs.Support;

namespace Fixxit.Sandbox.Backend.Specs.Cli;

public sealed class StartupSpecs
{
    [Test]
    public void A_port_in_use_exits_1_with_uvicorns_bind_error()
    {
        using var root = TestAppRoot.Create();
        using var occupier = new TcpListener(IPAddress.Loopback, Ports.Occupied);
        occupier.Start();
        var (exit, output) = BackendProcess.Run(["backend", "--port", Ports.Occupied.ToString(System.Globalization.CultureInfo.InvariantCulture), "--app-root", root.Path]);
        exit.Should().Be(1);
        output.Should().Contain($"('127.0.0.1', {Ports.Occupied}): address already in use");
    }

    [Test]
    public void Missing_env_file_exits_2_naming_it()
    {
        using var root = TestAppRoot.Create();
        File.Delete(root.EnvFile);
        var (exit, output) = BackendProcess.Run(["backend", "--port", "18148", "--app-root", root.Path]);
        exit.Should().Be(2);
        output.Should().Contain(root.EnvFile);
    }

    [Test]
    public void A_bad_key_in_the_process_environment_exits_2_naming_the_setting()
    {
        using var root = TestAppRoot.Create();
        var (exit, output) = BackendProcess.Run(["backend", "--port", "18148", "--app-root", root.Path],
            new Dictionary<string, string> { ["DATABASE_PASSWORD_ENCRYPTION_KEY"] = "short" });
        exit.Should().Be(2);
        output.Should().Contain("environment variable: DATABASE_PASSWORD_ENCRYPTION_KEY");
    }

    [Test]
    public void A_torn_database_file_stops_the_start_with_sqlites_error()
    {
        using var root = TestAppRoot.Create();
        Directory.CreateDirectory(Path.GetDirectoryName(root.Database)!);
        File.WriteAllBytes(root.Database, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));
        var (exit, output) = BackendProcess.Run(["backend", "--port", "18148", "--app-root", root.Path]);
        exit.Should().Be(1);
        output.Should().Contain("file is not a database");
    }

    [Test]
    public void Unknown_options_and_bad_ports_are_refused()
    {
        BackendProcess.Run(["backend", "--port", "http", "--app-root", "/tmp"]).ExitCode.Should().Be(2);
        BackendProcess.Run(["backend", "--prot", "1", "--app-root", "/tmp"]).Output.Should().Contain("unknown option '--prot'");
        BackendProcess.Run(["launch"]).ExitCode.Should().Be(2);
    }

    [Test]
    public void The_backend_listens_on_loopback_only()
    {
        using var root = TestAppRoot.Create();
        using var backend = root.StartBackend(Ports.Spare);
        backend.Output.Should().Contain($"Uvicorn running on http://127.0.0.1:{Ports.Spare}");
        var listeners = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
        listeners.Where(l => l.Port == Ports.Spare).Should().NotBeEmpty().And.OnlyContain(l => IPAddress.IsLoopback(l.Address));
    }
}
