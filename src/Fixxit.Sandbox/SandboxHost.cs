using Fixxit.Sandbox.Environments;
using Fixxit.Sandbox.Processes;
using Fixxit.Sandbox.Proxy;
using Fixxit.Sandbox.Ssh;

namespace Fixxit.Sandbox;

/// <summary>
/// Starting an existing sandbox the way a gate may: the host only. Unlike <see cref="SandboxControl.UpAsync"/> it never
/// renders a file, never reads which faults are on, and never restarts an environment that stopped — the deployment is
/// judged as it is found.
/// </summary>
public static class SandboxHost
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Starts sshd and the Caddy process if they do not run (Caddy with the Caddyfile as it is on disk, unvalidated and
    /// unchanged). Environments are left exactly as found.
    /// </summary>
    public static Task<HostStart> StartAsync(string root, Action<string>? log = null, CancellationToken cancellationToken = default) =>
        RunAsync(root, bootEnvironments: false, log ?? (_ => { }), cancellationToken);

    /// <summary>
    /// A sandbox of which nothing runs (after <c>sandbox down</c> or a reboot) is started as a server boots: the host,
    /// then each provisioned environment's own <c>start_server.sh start</c>, with every file as it is found.
    /// </summary>
    public static Task<HostStart> BootAsync(string root, Action<string>? log = null, CancellationToken cancellationToken = default) =>
        RunAsync(root, bootEnvironments: true, log ?? (_ => { }), cancellationToken);

    private static async Task<HostStart> RunAsync(string root, bool bootEnvironments, Action<string> log, CancellationToken cancellationToken)
    {
        var layout = SandboxLayout.Resolve(root);
        using var rootLock = await RootLock.AcquireAsync(layout, LockTimeout, cancellationToken).ConfigureAwait(false);
        var state = SandboxState.Load(layout) ?? throw new SandboxException($"no sandbox at {layout.Root}: run `fixxit sandbox up` first");
        var info = SandboxControl.Describe(layout, state);
        var started = new List<string>();

        if (SshdServer.RunningPid(layout) is null)
        {
            if (!File.Exists(layout.SshdConfig)) throw new SandboxException($"sshd cannot start: {layout.SshdConfig} is missing (the gate does not write it; `fixxit sandbox up` does)");
            log("sshd is not running: starting it");
            await SshdServer.EnsureRunningAsync(layout, state.Ports.Ssh, cancellationToken).ConfigureAwait(false);
            started.Add("sshd");
        }

        if (SandboxCaddy.RunningPid(layout) is null)
        {
            if (!File.Exists(layout.Caddyfile)) throw new SandboxException($"Caddy cannot start: {layout.Caddyfile} is missing (the gate does not write it; `fixxit sandbox up` does)");
            log("caddy is not running: starting it with the Caddyfile as found");
            await SandboxCaddy.EnsureRunningAsync(layout, info.Topology.Hosts[0].Proxy, changed: false, cancellationToken).ConfigureAwait(false);
            started.Add("caddy");
        }

        var environments = info.Topology.Environments.Where(EnvironmentControl.IsProvisioned).ToList();
        if (bootEnvironments)
        {
            foreach (var env in environments)
            {
                log($"{env.Name}: ./{env.Commands.Script} start (boot)");
                var result = await EnvironmentControl.RunAsync(layout, env, "start", cancellationToken).ConfigureAwait(false);
                // A start that fails is a finding for the checklist, not something to fix here.
                if (!result.Succeeded) log($"{env.Name}: ./{env.Commands.Script} start exited {result.ExitCode}: {(result.StdOut + result.StdErr).Trim()}");
                started.Add(env.Name);
            }

            foreach (var env in environments) await PortProbe.WaitAcceptingAsync(env.BackendPort, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }

        var notRunning = new List<string>();
        foreach (var env in environments)
        {
            foreach (var part in new[] { "backend", "frontend" })
            {
                if (EnvironmentControl.Pid(env, part) is null) notRunning.Add($"{env.Name}.{part}");
            }
        }

        foreach (var part in notRunning) log($"{part} is not running: left as found, the checklist judges it");
        var saved = state with { Processes = SandboxControl.ProcessesOf(layout, info.Dev, info.Prod, null, null) };
        saved.Save(layout);
        return new HostStart(SandboxControl.Describe(layout, saved), started, notRunning);
    }
}
