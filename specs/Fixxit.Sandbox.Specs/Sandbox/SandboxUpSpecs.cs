using System.Globalization;
using System.Net;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Remote;
using Fixxit.Sandbox.Environments;
using Fixxit.Sandbox.Processes;
using Fixxit.Sandbox.Proxy;

namespace Fixxit.Sandbox.Specs.Sandbox;

/// <summary>A freshly brought-up sandbox: reachable through Caddy and SSH with pins, loopback only, idempotent, self-repairing.</summary>
public sealed class SandboxUpSpecs : SandboxFixture
{
    [Test]
    public async Task Dev_answers_health_and_version_through_caddy_with_the_pinned_ca_and_a_mapped_name()
    {
        using var http = Info.CreateHttpClient();

        var health = await http.GetStringAsync($"{Info.Dev.PublicUrl}/health");
        var version = await http.GetStringAsync($"{Info.Dev.PublicUrl}/api/version");

        Info.Dev.PublicUrl.Should().Be($"https://dev.fixxit.ai:{Ports.CaddyHttps}");
        health.Should().Contain("\"status\":true");
        version.Should().Contain("\"version\":\"0.6.43\"");
    }

    [Test]
    public async Task A_client_without_the_sandbox_ca_is_refused_by_tls()
    {
        using var http = PinnedHttpClientFactory.Create(new PinnedHttpOptions { HostMap = new Dictionary<string, IPAddress> { ["dev.fixxit.ai"] = IPAddress.Loopback } });

        var act = () => http.GetStringAsync($"{Info.Dev.PublicUrl}/health");

        await act.Should().ThrowAsync<HttpRequestException>();
    }

    [Test]
    public async Task An_unmapped_host_is_never_resolved()
    {
        using var http = Info.CreateHttpClient();

        var act = () => http.GetStringAsync($"https://example.fixxit.ai:{Ports.CaddyHttps}/health");

        (await act.Should().ThrowAsync<HttpRequestException>()).Which.Message.Should().Contain("not mapped");
    }

    [Test]
    public async Task The_seeded_admin_signs_in_through_the_api()
    {
        using var http = Info.CreateHttpClient();

        var token = await SignInAsync(http, Info.Dev.PublicUrl);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Info.Dev.PublicUrl}/api/v1/auths/");
        request.Headers.Authorization = new("Bearer", token);
        using var session = await http.SendAsync(request);
        session.StatusCode.Should().Be(HttpStatusCode.OK);
        (await session.Content.ReadAsStringAsync()).Should().Contain(Account("admin").Email).And.Contain("\"role\":\"admin\"");
    }

    [Test]
    public async Task Prods_site_exists_before_prod_does_and_answers_a_gateway_error()
    {
        using var http = Info.CreateHttpClient();

        using var response = await http.GetAsync($"{Info.Prod.PublicUrl}/health");

        ((int)response.StatusCode).Should().BeOneOf(502, 503);
    }

    [Test]
    public async Task Caddys_routing_read_back_through_caddy_adapt_matches_the_topology()
    {
        var routing = await SandboxCaddy.RoutingAsync(Layout);

        routing.UpstreamPortsFor("dev.fixxit.ai").Should().Equal(Ports.DevBackend);
        routing.UpstreamPortsFor("app.fixxit.ai").Should().Equal(Ports.ProdBackend);
        routing.Routes.Should().OnlyContain(r => r.HealthUri == "/health");
    }

    [Test]
    public async Task Ssh_with_the_pinned_host_key_runs_start_server_status_in_the_dev_tree()
    {
        await using var ssh = await SshSession.ConnectAsync(Info.SshTarget());

        var result = await ssh.RunAsync($"cd {ShellQuote.Quote(Info.Dev.Directory)} && ./start_server.sh status");

        result.ExitCode.Should().Be(0);
        result.StdOut.Should().Contain($"backend: running").And.Contain($"port {Ports.DevBackend}").And.Contain($"frontend: running").And.Contain($"port {Ports.DevFrontend}");
    }

    [Test]
    public async Task The_home_directory_over_ssh_is_the_sandboxes_so_relative_paths_match_the_real_server()
    {
        await using var ssh = await SshSession.ConnectAsync(Info.SshTarget());

        var result = await ssh.RunCheckedAsync("test -x fixxit.ai-openwebui/start_server.sh && pwd");

        result.StdOut.Trim().Should().Be(Layout.UserHome);
    }

    [Test]
    public async Task A_wrong_host_key_pin_is_refused()
    {
        var target = Info.SshTarget() with { HostKeyFingerprint = new string('A', 43) };

        var act = () => SshSession.ConnectAsync(target);

        (await act.Should().ThrowAsync<SshConnectException>()).Which.Failure.Should().Be(SshFailure.HostKeyMismatch);
    }

    [Test]
    public async Task Every_listening_socket_of_the_sandboxes_processes_is_loopback()
    {
        var ours = ProcessTable.FindByMarker(Layout.ProcessMarker).Select(p => p.Pid).ToHashSet();
        foreach (var pid in SandboxState.Load(Layout)!.Processes.Values) ours.Add(pid);

        var listeners = (await PortProbe.ListenersAsync()).Where(l => l.Pid is { } p && ours.Contains(p)).ToList();

        listeners.Select(l => l.Port).Should().Contain([Ports.Ssh, Ports.CaddyHttps, Ports.CaddyAdmin, Ports.DevBackend, Ports.DevFrontend]);
        listeners.Should().OnlyContain(l => l.IsLoopback, "the sandbox must never listen on a non-loopback address");
    }

    [Test]
    public void The_backends_temporary_files_stay_inside_the_root()
    {
        var backend = EnvironmentControl.Pid(Info.Dev, "backend")!.Value;
        var pattern = $"dotnet-diagnostic-{backend}-*";

        Directory.EnumerateFileSystemEntries(Path.GetTempPath(), pattern).Should().BeEmpty();
        Directory.EnumerateFileSystemEntries(Layout.TemporaryDirectory, pattern).Should().NotBeEmpty();
    }

    [Test]
    public async Task A_second_up_reuses_every_running_process_and_keeps_the_pins()
    {
        var before = SandboxState.Load(Layout)!;

        var again = await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = Root, Ports = Ports });

        var after = SandboxState.Load(Layout)!;
        after.Processes.Should().BeEquivalentTo(before.Processes);
        again.HostKeyFingerprint.Should().Be(Info.HostKeyFingerprint);
        again.CaSpkiSha256Base64.Should().Be(Info.CaSpkiSha256Base64);
    }

    [Test]
    public async Task Up_recovers_after_kill_9_of_the_backend_and_of_caddy()
    {
        var backend = EnvironmentControl.Pid(Info.Dev, "backend")!.Value;
        var caddy = SandboxCaddy.RunningPid(Layout)!.Value;
        await ProcessRunner.RunCheckedAsync("kill", ["-9", backend.ToString(CultureInfo.InvariantCulture), caddy.ToString(CultureInfo.InvariantCulture)]);
        while (ProcessTable.IsAlive(backend) || ProcessTable.IsAlive(caddy)) await Task.Delay(10); // kill delivers asynchronously
        (await Fixxit.Sandbox.SandboxControl.StatusAsync(Root)).CoreRunning.Should().BeFalse();

        await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = Root, Ports = Ports });

        var status = await Fixxit.Sandbox.SandboxControl.StatusAsync(Root);
        status.CoreRunning.Should().BeTrue();
        status.Components.Single(c => c.Name == "dev.backend").Pid.Should().NotBe(backend);
        status.Components.Single(c => c.Name == "caddy").Pid.Should().NotBe(caddy);
        using var http = Info.CreateHttpClient();
        (await http.GetStringAsync($"{Info.Dev.PublicUrl}/health")).Should().Contain("true");
    }

    [Test]
    public async Task Proxy_wrong_port_sends_app_to_devs_backend_and_switches_back_exactly()
    {
        var caddyfile = await File.ReadAllTextAsync(Layout.Caddyfile);
        using var http = Info.CreateHttpClient();

        await FaultSwitch.EnableAsync("proxy-wrong-port", Root);
        var routingOn = await SandboxCaddy.RoutingAsync(Layout);
        using var appOn = await http.GetAsync($"{Info.Prod.PublicUrl}/health");
        var stateOn = SandboxState.Load(Layout)!;
        await FaultSwitch.DisableAsync("proxy-wrong-port", Root);
        using var appOff = await http.GetAsync($"{Info.Prod.PublicUrl}/health");

        routingOn.UpstreamPortsFor("app.fixxit.ai").Should().Equal(Ports.DevBackend);
        appOn.StatusCode.Should().Be(HttpStatusCode.OK, "with the fault, app.fixxit.ai is served by dev's backend");
        stateOn.HasFault("proxy-wrong-port").Should().BeTrue();
        ((int)appOff.StatusCode).Should().BeOneOf(502, 503);
        (await File.ReadAllTextAsync(Layout.Caddyfile)).Should().Be(caddyfile);
        SandboxState.Load(Layout)!.Faults.Should().BeEmpty();
    }

    [Test]
    public async Task A_fault_on_prod_without_prod_is_refused_naming_the_missing_step()
    {
        var act = () => FaultSwitch.EnableAsync("wrong-key", Root);

        (await act.Should().ThrowAsync<SandboxException>()).Which.Message.Should().Contain("not provisioned").And.Contain("fixxit apply prod");
        SandboxState.Load(Layout)!.Faults.Should().BeEmpty();
    }

    [Test]
    public async Task An_unknown_fault_is_refused_listing_the_known_ones()
    {
        var act = () => FaultSwitch.EnableAsync("no-such-fault", Root);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*wrong-key*missing-frontend*");
    }
}
