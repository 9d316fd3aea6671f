using Fixxit.EnvConfig;
using Fixxit.Sandbox.Environments;
using Fixxit.Sandbox.Faults;
using Fixxit.Sandbox.Mounts;
using Fixxit.Sandbox.Processes;
using Fixxit.Sandbox.Proxy;
using Fixxit.Sandbox.Ssh;
using Fixxit.Sandbox.Tree;
using Fixxit.Topologies;

namespace Fixxit.Sandbox;

/// <summary>
/// The sandbox as a library call: a replica of the production topology on loopback from real parts (sshd, Caddy,
/// the dev tree run by its own start_server.sh). <see cref="UpAsync"/> is idempotent and repairs whatever died;
/// <see cref="DownAsync"/> stops everything by pid and proves the ports are free.
/// </summary>
public static class SandboxControl
{
    public const string RootMarker = ".fixxit-sandbox-root";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Brings the sandbox up (or repairs it), switches on <see cref="SandboxOptions.Faults"/>, and describes it.</summary>
    public static async Task<SandboxInfo> UpAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var fault in options.Faults) FaultCatalog.Get(fault);
        var layout = SandboxLayout.Resolve(options.Root);
        ClaimRoot(layout);
        using var rootLock = await RootLock.AcquireAsync(layout, LockTimeout, cancellationToken).ConfigureAwait(false);
        var log = options.Log ?? (_ => { });
        var previous = SandboxState.Load(layout);
        if (previous is not null && previous.Ports != options.Ports && AnyAlive(layout, previous))
        {
            throw new SandboxException($"the sandbox at {layout.Root} runs on other ports (ssh {previous.Ports.Ssh}, https {previous.Ports.CaddyHttps}); `fixxit sandbox down` it first or use another root");
        }

        var ports = options.Ports;
        var user = Environment.UserName;
        log($"sandbox root {layout.Root}");
        // Record the ports before anything starts, so `down` of a half-started sandbox knows what to check.
        var early = (previous ?? new SandboxState { Root = layout.Root, Ports = ports, User = user }) with { Ports = ports, User = user };
        early.Save(layout);
        await PreflightPortsAsync(layout, SandboxTopology.Create(layout.Root, null, user, ports), cancellationToken).ConfigureAwait(false);
        var current = await SshdServer.PrepareAsync(layout, ports.Ssh, cancellationToken).ConfigureAwait(false);
        // The pin is taken once, when the sandbox is created, and held: a host key that changed later is what the
        // pin exists to catch (every SSH connection then refuses with OpenSSH's warning), so it is never re-read here.
        var fingerprint = previous?.HostKeyFingerprint ?? current;
        if (!Fixxit.Remote.HostKeyPin.Matches(fingerprint, current))
        {
            log($"sshd's host key is SHA256:{current}, not the SHA256:{fingerprint} pinned when this sandbox was created; the pin is kept (`fixxit sandbox reset` starts over with new keys)");
        }

        (early with { HostKeyFingerprint = fingerprint }).Save(layout);
        var topology = SandboxTopology.Create(layout.Root, fingerprint, user, ports);
        var dev = topology.Environment("dev");
        var prod = topology.Environment("prod");
        var faults = previous?.Faults ?? [];

        if (!DevTreeBuilder.Exists(layout, dev)) log($"creating the dev tree at {dev.Directory} (npm install, seed, git init)");
        await DevTreeBuilder.EnsureAsync(layout, dev, cancellationToken).ConfigureAwait(false);

        var caddyWasRunning = SandboxCaddy.RunningPid(layout) is not null;
        var restarted = await EnsureEnvironmentRunningAsync(layout, dev, log, cancellationToken).ConfigureAwait(false);
        if (EnvironmentControl.IsProvisioned(prod) && !faults.Any(f => f.Name is "backend-down" or "frontend-down" or "missing-frontend"))
        {
            // With wrong-backend-port, prod's backend deliberately does not answer on its declared port.
            restarted |= await EnsureEnvironmentRunningAsync(layout, prod, log, cancellationToken, waitHealthy: !faults.Any(f => f.Name == "wrong-backend-port"))
                .ConfigureAwait(false);
        }

        log("caddy: Caddyfile rendered and validated; start or reload if needed");
        var caddyPid = await SandboxProxy.ApplyAsync(layout, topology, SandboxProxyChanges.Of(layout, faults), cancellationToken).ConfigureAwait(false);
        if (restarted && caddyWasRunning)
        {
            // A running Caddy may have marked the restarted backend unhealthy; re-provisioning re-checks at once
            // instead of at the next 30 s health interval.
            await SandboxCaddy.ReloadAsync(layout, topology.Hosts[0].Proxy, force: true, cancellationToken).ConfigureAwait(false);
        }
        log("sshd: start if not running");
        var sshdPid = await SshdServer.EnsureRunningAsync(layout, ports.Ssh, cancellationToken).ConfigureAwait(false);

        var state = new SandboxState
        {
            Root = layout.Root,
            Ports = ports,
            User = user,
            HostKeyFingerprint = fingerprint,
            Faults = [.. faults],
            Paths = PathsOf(layout, dev, prod),
            Processes = ProcessesOf(layout, dev, prod, caddyPid, sshdPid),
        };
        state.Save(layout);
        var info = Describe(layout, state);

        foreach (var name in options.Faults.Where(n => !state.HasFault(n)))
        {
            log($"fault {name}: switching on");
            await FaultSwitch.EnableLockedAsync(layout, info, state, name, cancellationToken).ConfigureAwait(false);
        }

        return Describe(layout, state);
    }

    /// <summary>Stops every process the sandbox started (by pid), then proves none of its ports is still held.</summary>
    public static async Task DownAsync(string? root = null, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var layout = SandboxLayout.Resolve(root);
        // Without the marker nothing here was started by a sandbox: touch nothing.
        if (!File.Exists(Path.Combine(layout.Root, RootMarker))) return;
        using var rootLock = await RootLock.AcquireAsync(layout, LockTimeout, cancellationToken).ConfigureAwait(false);
        log ??= _ => { };
        var state = SandboxState.Load(layout);
        if (state is null) return; // up writes the state before it starts anything: nothing was started here
        var ports = state.Ports;
        var topology = SandboxTopology.Create(layout.Root, state.HostKeyFingerprint, state.User, ports);
        foreach (var env in topology.Environments.Reverse().Where(EnvironmentControl.IsProvisioned))
        {
            log($"{env.Name}: ./start_server.sh stop");
            await EnvironmentControl.RunAsync(layout, env, "stop", cancellationToken).ConfigureAwait(false);
        }

        // A fault's mount never outlives the sandbox: found in the kernel's mount table, not the state (a crash may
        // have left it unrecorded), and released with prod stopped, its files carried back first.
        var released = false;
        if (MountTable.Under(layout.Root).Count > 0)
        {
            log($"{LowDiskSpaceFault.FaultName}: carrying prod's files back and unmounting");
            await LowDiskSpaceFault.ReleaseAsync(layout, topology.Environment("prod"), cancellationToken).ConfigureAwait(false);
            foreach (var point in MountTable.Under(layout.Root))
            {
                log($"unmounting {point}");
                await MountTable.UnmountAsync(point, cancellationToken).ConfigureAwait(false);
            }

            released = true;
        }

        log("caddy: stopping");
        await SandboxCaddy.StopAsync(layout, cancellationToken).ConfigureAwait(false);
        log("sshd: stopping");
        await SshdServer.StopAsync(layout, cancellationToken).ConfigureAwait(false);

        // Fallbacks: recorded pids, then any process of this root (a part started behind the state's back).
        foreach (var (name, pid) in state.Processes)
        {
            if (ProcessTable.IsOurs(pid, layout.ProcessMarker))
            {
                log($"{name}: still running (pid {pid}), stopping by pid");
                await ProcessTable.StopGroupAsync(pid, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var (pid, commandLine) in Leftovers(layout))
        {
            log($"leftover process {pid} ({commandLine}): stopping");
            await ProcessTable.StopAsync(pid, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        }

        // Proof: none of the block's ports is held by a process of this sandbox. A port held by someone else is
        // reported, not fought over (it was never ours, and up refuses to start on it).
        var busy = await PortProbe.WaitFreeAsync(AllPorts(ports), TimeSpan.FromSeconds(15), cancellationToken, l => l.Pid is { } p && ProcessTable.IsOurs(p, layout.ProcessMarker))
            .ConfigureAwait(false);
        (state with { Processes = [], Faults = released ? [.. state.Faults.Where(f => f.Name != LowDiskSpaceFault.FaultName)] : state.Faults }).Save(layout);
        if (busy.Count > 0)
        {
            throw new SandboxException($"after stopping the sandbox at {layout.Root}, its processes still hold ports: {string.Join("; ", busy)}");
        }

        foreach (var foreign in (await PortProbe.ListenersAsync(cancellationToken).ConfigureAwait(false)).Where(l => AllPorts(ports).Contains(l.Port)))
        {
            log($"note: port {foreign.Port} is held by another program, not this sandbox: {foreign}");
        }
    }

    /// <summary>What runs and what should: pids, ports, faults, without changing anything.</summary>
    public static async Task<SandboxStatus> StatusAsync(string? root = null, CancellationToken cancellationToken = default)
    {
        var layout = SandboxLayout.Resolve(root);
        var state = SandboxState.Load(layout);
        if (state is null) return new SandboxStatus { Root = layout.Root };
        var info = Describe(layout, state);
        var components = new List<ComponentStatus>
        {
            await ComponentAsync("sshd", SshdServer.RunningPid(layout), state.Ports.Ssh, cancellationToken).ConfigureAwait(false),
            await ComponentAsync("caddy", SandboxCaddy.RunningPid(layout), state.Ports.CaddyHttps, cancellationToken).ConfigureAwait(false),
        };
        foreach (var env in info.Topology.Environments.Where(EnvironmentControl.IsProvisioned))
        {
            components.Add(await ComponentAsync($"{env.Name}.backend", EnvironmentControl.Pid(env, "backend"), env.BackendPort, cancellationToken).ConfigureAwait(false));
            components.Add(await ComponentAsync($"{env.Name}.frontend", EnvironmentControl.Pid(env, "frontend"), env.FrontendPort, cancellationToken).ConfigureAwait(false));
        }

        return new SandboxStatus
        {
            Root = layout.Root,
            Info = info,
            Components = components,
            Faults = [.. state.Faults.Select(f => f.Name)],
            ProdProvisioned = EnvironmentControl.IsProvisioned(info.Prod),
        };
    }

    /// <summary>Down, delete the root (fresh keys, CA and tree), up again with <see cref="SandboxOptions.Faults"/>.</summary>
    public static async Task<SandboxInfo> ResetAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var layout = SandboxLayout.Resolve(options.Root);
        if (Directory.Exists(layout.Root))
        {
            ClaimRoot(layout);
            await DownAsync(layout.Root, options.Log, cancellationToken).ConfigureAwait(false);
            if (MountTable.Under(layout.Root) is { Count: > 0 } mounted)
            {
                throw new SandboxException($"{layout.Root} still has mounts ({string.Join(", ", mounted)}) after `down`; not deleting it: unmount them first");
            }

            options.Log?.Invoke($"deleting {layout.Root}");
            Directory.Delete(layout.Root, recursive: true);
        }

        return await UpAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The running sandbox's description from its state file (nothing is started).</summary>
    /// <exception cref="SandboxException">The root has never been brought up.</exception>
    public static SandboxInfo Describe(string? root = null)
    {
        var layout = SandboxLayout.Resolve(root);
        var state = SandboxState.Load(layout) ?? throw new SandboxException($"no sandbox at {layout.Root}: run `fixxit sandbox up` first");
        return Describe(layout, state);
    }

    internal static SandboxInfo Describe(SandboxLayout layout, SandboxState state) => new()
    {
        Root = layout.Root,
        Topology = SandboxTopology.Create(layout.Root, state.HostKeyFingerprint, state.User, state.Ports),
        Ports = state.Ports,
        User = state.User,
        HostKeyFingerprint = state.HostKeyFingerprint ?? string.Empty,
        ClientKeyPath = layout.ClientKey,
        CaRootCertificatePath = layout.CaRootCertificate,
        CaSpkiSha256Base64 = File.Exists(layout.CaRootCertificate) ? SandboxInfo.SpkiSha256Base64(layout.CaRootCertificate) : string.Empty,
        CredentialsPath = layout.CredentialsFile,
        CaddyfilePath = layout.Caddyfile,
        Faults = [.. state.Faults.Select(f => f.Name)],
    };

    internal static IReadOnlyCollection<int> AllPorts(SandboxPorts p) =>
        [p.Ssh, p.CaddyHttps, p.CaddyHttp, p.CaddyAdmin, p.DevBackend, p.DevFrontend, p.ProdBackend, p.ProdFrontend, p.ProdBackend + 1];

    /// <summary>Refuses a root that holds other things: the sandbox deletes and rewrites inside it.</summary>
    private static void ClaimRoot(SandboxLayout layout)
    {
        var marker = Path.Combine(layout.Root, RootMarker);
        if (File.Exists(marker)) return;
        if (Directory.Exists(layout.Root) && Directory.EnumerateFileSystemEntries(layout.Root).Any())
        {
            throw new SandboxException($"{layout.Root} is not empty and is not a sandbox root (no {RootMarker}); choose an empty or new folder for --root / FIXXIT_SANDBOX_ROOT");
        }

        Directory.CreateDirectory(layout.Root);
        File.WriteAllText(marker, "This folder is a Fixxit.Verify sandbox root: `fixxit sandbox reset` deletes it.\n");
    }

    /// <summary>Fails fast, before any slow step, when a port of a part that is not running is held by someone else.</summary>
    private static async Task PreflightPortsAsync(SandboxLayout layout, Topology topology, CancellationToken cancellationToken)
    {
        var host = topology.Hosts[0];
        var needed = new List<(int Port, string Component)>();
        if (SshdServer.RunningPid(layout) is null) needed.Add((host.SshPort, "sshd"));
        if (SandboxCaddy.RunningPid(layout) is null)
        {
            needed.AddRange([(host.Proxy.HttpsPort, "caddy https"), (host.Proxy.HttpPort, "caddy http"), (SandboxCaddy.AdminPort(host.Proxy), "caddy admin")]);
        }

        var dev = topology.Environment("dev");
        if (EnvironmentControl.Pid(dev, "backend") is null) needed.Add((dev.BackendPort, "dev backend"));
        if (EnvironmentControl.Pid(dev, "frontend") is null) needed.Add((dev.FrontendPort, "dev frontend"));
        foreach (var (port, component) in needed) await Ports.EnsureFreeAsync(port, component, cancellationToken).ConfigureAwait(false);
    }

    /// <returns>True when something had to be started.</returns>
    private static async Task<bool> EnsureEnvironmentRunningAsync(
        SandboxLayout layout, AppEnvironment env, Action<string> log, CancellationToken cancellationToken, bool waitHealthy = true)
    {
        var backendUp = EnvironmentControl.Pid(env, "backend") is not null;
        var frontendUp = EnvironmentControl.Pid(env, "frontend") is not null;
        if (backendUp && frontendUp) return false;
        if (!backendUp) await Ports.EnsureFreeAsync(env.BackendPort, $"{env.Name} backend", cancellationToken).ConfigureAwait(false);
        if (!frontendUp) await Ports.EnsureFreeAsync(env.FrontendPort, $"{env.Name} frontend", cancellationToken).ConfigureAwait(false);
        log($"{env.Name}: ./start_server.sh start");
        await EnvironmentControl.RunCheckedAsync(layout, env, "start", cancellationToken).ConfigureAwait(false);
        if (waitHealthy) await WaitHealthyAsync(env, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task WaitHealthyAsync(AppEnvironment env, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) }; // slow-backend delays every answer
        var url = $"http://127.0.0.1:{env.BackendPort}/health";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string last = "no answer";
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return;
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timeout";
            }

            await Task.Delay(150, cancellationToken).ConfigureAwait(false);
        }

        throw new SandboxException($"{env.Name}: backend not healthy at {url} within 30 s ({last}); see {env.PathOf("logs/backend.log")}");
    }

    private static bool AnyAlive(SandboxLayout layout, SandboxState state) =>
        state.Processes.Values.Any(pid => ProcessTable.IsOurs(pid, layout.ProcessMarker));

    private static Dictionary<string, string> PathsOf(SandboxLayout layout, AppEnvironment dev, AppEnvironment prod) => new()
    {
        ["caddyfile"] = layout.Caddyfile,
        ["caRoot"] = layout.CaRootCertificate,
        ["clientKey"] = layout.ClientKey,
        ["hostKey"] = layout.HostKey + ".pub",
        ["sshdConfig"] = layout.SshdConfig,
        ["credentials"] = layout.CredentialsFile,
        ["dev"] = dev.Directory,
        ["prod"] = prod.Directory,
    };

    internal static Dictionary<string, int> ProcessesOf(SandboxLayout layout, AppEnvironment dev, AppEnvironment prod, int? caddy, int? sshd)
    {
        var processes = new Dictionary<string, int>();
        if ((sshd ?? SshdServer.RunningPid(layout)) is { } s) processes["sshd"] = s;
        if ((caddy ?? SandboxCaddy.RunningPid(layout)) is { } c) processes["caddy"] = c;
        foreach (var env in new[] { dev, prod })
        {
            foreach (var part in new[] { "backend", "frontend" })
            {
                if (EnvironmentControl.Pid(env, part) is { } pid) processes[$"{env.Name}.{part}"] = pid;
            }
        }

        return processes;
    }

    // Only programs the sandbox runs, never this process or its ancestors (e.g. `dotnet run … --root <root>`).
    private static IEnumerable<(int Pid, string CommandLine)> Leftovers(SandboxLayout layout)
    {
        var ancestors = ProcessTable.Ancestors(Environment.ProcessId);
        return ProcessTable.FindByMarker(layout.ProcessMarker).Where(p => !ancestors.Contains(p.Pid) && (
            p.CommandLine.Contains(BackendBuild.AssemblyFile, StringComparison.Ordinal)
            || p.CommandLine.StartsWith("sshd:", StringComparison.Ordinal)
            || p.CommandLine.StartsWith("caddy run", StringComparison.Ordinal)
            || p.CommandLine.Contains("node_modules/.bin/vite", StringComparison.Ordinal)));
    }

    private static async Task<ComponentStatus> ComponentAsync(string name, int? pid, int port, CancellationToken cancellationToken) =>
        new(name, pid, port, pid is not null, await PortProbe.AcceptsAsync(port, cancellationToken).ConfigureAwait(false));
}
