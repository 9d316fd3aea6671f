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

    [Test]
    [Order(22)]
    public async Task A_replaced_sshd_host_key_stops_the_gate_before_any_command_with_OpenSSH_s_warning()
    {
        var layout = SandboxLayout.Resolve(GateSandbox.Root);
        var pinned = Info.HostKeyFingerprint;
        var saved = layout.HostKey + ".spec-original";
        File.Copy(layout.HostKey, saved, overwrite: true);
        File.Copy(layout.HostKey + ".pub", saved + ".pub", overwrite: true);
        try
        {
            // By hand: a new host key, and sshd restarted so that it presents it.
            File.Delete(layout.HostKey);
            File.Delete(layout.HostKey + ".pub");
            await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "replaced-by-hand", "-f", layout.HostKey);
            var replaced = (await RunAsync("ssh-keygen", "-lf", layout.HostKey + ".pub")).Split(' ')[1]["SHA256:".Length..];
            await StopSshdAsync(layout);

            // `sandbox up` starts sshd again but keeps the pin taken when the sandbox was created.
            var up = await SandboxControl.UpAsync(new SandboxOptions { Root = GateSandbox.Root, Ports = Info.Ports });
            up.HostKeyFingerprint.Should().Be(pinned);

            var (exitCode, output) = await GateSandbox.RunCliAsync("gate", "--root", GateSandbox.Root, "--slot", GateSandbox.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--skip-apply", "--filter", "FullyQualifiedName~database_persists_its_own_URL");

            exitCode.Should().NotBe(0, output);
            // The console wraps long lines at word boundaries: read the error as one line again.
            var unwrapped = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
            var warning = unwrapped[unwrapped.IndexOf("error: WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!", StringComparison.Ordinal)..];
            warning.Should().Contain($"expected host key SHA256:{pinned}").And.Contain($"presented SHA256:{replaced}");
            output.Should().NotContain("3. Deployment gate", "the run stops before any command");
        }
        finally
        {
            File.Copy(saved, layout.HostKey, overwrite: true);
            File.Copy(saved + ".pub", layout.HostKey + ".pub", overwrite: true);
            File.Delete(saved);
            File.Delete(saved + ".pub");
            await StopSshdAsync(layout);
            await RepairAsync();
        }
    }

    private static async Task StopSshdAsync(SandboxLayout layout)
    {
        var pid = int.Parse((await File.ReadAllTextAsync(layout.SshdPidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var sshd = System.Diagnostics.Process.GetProcessById(pid);
        sshd.Kill();
        await sshd.WaitForExitAsync();
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"{program} {string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    // `sandbox up` may repair (the gate may not): it restarts what stopped.
    private static Task RepairAsync() =>
        SandboxControl.UpAsync(new SandboxOptions { Root = GateSandbox.Root, Ports = Info.Ports });
}
