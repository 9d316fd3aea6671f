using Fixxit.Sandbox;
using Fixxit.Sandbox.Environments;
using Fixxit.Sandbox.Proxy;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// The gate verifies, it never repairs: faults made by hand, as an operator could (a process killed, the Caddyfile
/// edited and reloaded), with no fault switch on, fail <c>fixxit gate --skip-apply</c> naming the cause — and the gate
/// leaves them exactly as it found them. The spec puts things right itself afterwards (with <c>sandbox up</c>).
/// </summary>
[NonParallelizable]
public sealed class HandMadeFaultSpecs
{
    private static SandboxInfo Info => GateSandbox.Info;

    [Test]
    [Order(20)]
    public async Task Prod_backend_killed_by_hand_fails_the_gate_which_does_not_restart_it()
    {
        var pid = EnvironmentControl.Pid(Info.Prod, "backend") ?? throw new InvalidOperationException("prod's backend should run before the spec");
        try
        {
            using (var process = System.Diagnostics.Process.GetProcessById(pid))
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            var (exitCode, output, results) = await GateSandbox.RunCliGateAsync(
                "FullyQualifiedName~The_backend_answers_with_its_version|FullyQualifiedName~runs_its_backend_and_frontend_where_expected", skipApply: true);
            try
            {
                exitCode.Should().NotBe(0, output);
                output.Should().Contain($"prod backend does not answer on 127.0.0.1:{Info.Prod.BackendPort}")
                    .And.Contain("prod.backend is not running: left as found");
                EnvironmentControl.Pid(Info.Prod, "backend").Should().BeNull("the gate must not restart what it judges");
            }
            finally
            {
                Directory.Delete(results, recursive: true);
            }
        }
        finally
        {
            await RepairAsync();
        }
    }

    [Test]
    [Order(21)]
    public async Task Caddyfile_edited_by_hand_to_dev_s_port_fails_the_gate_which_does_not_re_render_it()
    {
        var layout = SandboxLayout.Resolve(GateSandbox.Root);
        var original = await File.ReadAllTextAsync(layout.Caddyfile);
        // Only app.fixxit.ai's site proxies to prod's backend port: point that upstream at dev's port.
        var prodUpstream = $":{Info.Prod.BackendPort} {{";
        original.Should().Contain(prodUpstream);
        var edited = original.Replace(prodUpstream, $":{Info.Dev.BackendPort} {{", StringComparison.Ordinal);
        try
        {
            await File.WriteAllTextAsync(layout.Caddyfile, edited);
            await SandboxCaddy.ReloadAsync(layout, Info.Host.Proxy, force: false);

            var (exitCode, output, results) = await GateSandbox.RunCliGateAsync(
                "FullyQualifiedName~The_proxy_routes_the_environment_domain|FullyQualifiedName~Caddy_s_configuration", skipApply: true);
            try
            {
                exitCode.Should().NotBe(0, output);
                output.Should().Contain($"Caddy proxies app.fixxit.ai to port {Info.Dev.BackendPort}, not prod's backend port {Info.Prod.BackendPort}");
                (await File.ReadAllTextAsync(layout.Caddyfile)).Should().Be(edited, "the gate must not re-render the Caddyfile it judges");
            }
            finally
            {
                Directory.Delete(results, recursive: true);
            }
        }
        finally
        {
            await File.WriteAllTextAsync(layout.Caddyfile, original);
            await SandboxCaddy.ReloadAsync(layout, Info.Host.Proxy, force: true);
        }
    }

    // `sandbox up` may repair (the gate may not): it restarts what stopped.
    private static Task RepairAsync() =>
        SandboxControl.UpAsync(new SandboxOptions { Root = GateSandbox.Root, Ports = Info.Ports });
}
