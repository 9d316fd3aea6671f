using System.Diagnostics;
using Fixxit.FileFormats.Caddy;
using Fixxit.Rehearsal.Host;
using Fixxit.Topologies;

namespace Fixxit.Rehearsal.Specs.Host;

/// <summary>
/// The replica's own files, read back by the real programs: Caddy adapts the Caddyfile to the plan's routing with
/// ACME from Pebble (no internal CA, no loopback bind), and sudo's own parser accepts the sudoers file.
/// </summary>
public sealed class ReplicaFilesSpecs
{
    private string _dir = null!;

    [SetUp]
    public void Folder() => _dir = Directory.CreateTempSubdirectory("fixxit-rehearsal-files-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void The_caddyfile_is_the_plans_site_blocks_with_certificates_ordered_from_pebble()
    {
        var layout = new RehearsalLayout(_dir);
        var text = ReplicaCaddy.Render(layout, FixxitTopology.Server.Environments.Select(e => e.Proxy!));
        var path = Path.Combine(_dir, "Caddyfile");
        File.WriteAllText(path, text);

        text.Should().Contain("acme_ca https://127.0.0.1:14000/dir").And.Contain($"acme_ca_root {layout.PebbleListenerCa}")
            .And.NotContain("tls internal").And.NotContain("bind ").And.NotContain("local_certs");
        var routing = CaddyRouting.Parse(Run("caddy", "adapt", "--config", path, "--adapter", "caddyfile"), path);
        routing.UpstreamPortsFor("app.fixxit.ai").Should().Equal(8081);
        routing.UpstreamPortsFor("dev.fixxit.ai").Should().Equal(8080);
    }

    [Test]
    public void Sudo_accepts_the_sudoers_file_and_it_allows_only_the_caddy_reads()
    {
        var path = Path.Combine(_dir, "sudoers");
        File.WriteAllText(path, ReplicaEtc.Sudoers("ec2-user", ReplicaEtc.SudoCommands));

        Run("visudo", "-c", "-f", path).Should().Contain("parsed OK");
        File.ReadAllText(path).Should().Contain("ec2-user\tALL=(root) NOPASSWD: /usr/bin/caddy validate *, /usr/bin/caddy adapt *\n")
            .And.NotContain("ec2-user\tALL=(ALL");
    }

    [Test]
    public void The_hosts_file_maps_the_plans_names_to_loopback()
    {
        var text = ReplicaEtc.Hosts(["app.fixxit.ai", "dev.fixxit.ai", "APP.fixxit.ai"], "machine");

        text.Split('\n').Should().Contain(["127.0.0.1\tapp.fixxit.ai", "127.0.0.1\tdev.fixxit.ai", "127.0.0.1\tlocalhost machine"]);
        text.Split('\n').Count(l => l.Contains("app.fixxit.ai", StringComparison.OrdinalIgnoreCase)).Should().Be(1);
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, error.Result);
        return output;
    }
}
