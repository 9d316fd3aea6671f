using System.Diagnostics;
using System.Globalization;
using Fixxit.Rehearsal.Acme;
using Fixxit.Rehearsal.Host;
using Fixxit.Rehearsal.Namespaces;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Processes;
using Fixxit.Topologies;

namespace Fixxit.Rehearsal;

/// <summary>
/// The rehearsal host as a library call: a replica of the server <see cref="FixxitTopology"/> declares, in network and
/// mount namespaces of its own. <see cref="UpAsync"/> starts the holder and then runs <see cref="InsideUpAsync"/>
/// inside it; <see cref="DownAsync"/> ends every process in those namespaces (found by namespace, not by pid file).
/// </summary>
public static class RehearsalHost
{
    public static async Task<RehearsalInfo> UpAsync(RehearsalOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Privileges.Require();
        var layout = RehearsalLayout.Resolve(options.Root);
        var log = options.Log ?? (_ => { });
        ClaimRoot(layout);
        if (RehearsalState.Load(layout) is { HostKeyFingerprint: not null } previous && Running(previous))
        {
            log($"already up (holder pid {previous.HolderPid}, {previous.NetNamespace})");
            return Describe(layout);
        }

        await DownAsync(layout.Root, log, cancellationToken).ConfigureAwait(false); // whatever a crashed run left
        // Always a fresh server: new keys, a new Pebble root, no certificate or tree of an earlier run (Caddy would
        // present a certificate signed by a root that no longer exists, and prod would already be there).
        Wipe(layout);
        var clock = Stopwatch.StartNew();
        var accounts = PrepareFiles(layout);
        log($"replica files under {layout.Root}; ec2-user is uid {accounts.UserId}");
        new RehearsalState { Root = layout.Root, UserId = accounts.UserId, StartedAt = DateTimeOffset.UtcNow }.Save(layout);

        var unshare = await Daemon.StartAsync(
            "/usr/bin/unshare", ["--net", "--mount", "--propagation", "private", "--fork", "--", "/bin/bash", layout.HolderScript], layout.HolderLog, layout.Root,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var (holder, net, mnt) = await WaitHolderAsync(layout, unshare, cancellationToken).ConfigureAwait(false);
        var state = new RehearsalState
        {
            Root = layout.Root, UnsharePid = unshare, HolderPid = holder, NetNamespace = net, MountNamespace = mnt, UserId = accounts.UserId, StartedAt = DateTimeOffset.UtcNow,
        };
        state.Save(layout);
        log($"namespaces held by pid {holder} ({net}); starting the replica inside");

        var inside = await ProcessRunner.RunAsync(
            Nsenter.Program, Nsenter.Arguments(holder, [.. options.SelfCommand, "rehearsal", "inside-up", "--root", layout.Root, "--uid", accounts.UserId.ToString(CultureInfo.InvariantCulture), "--gid", accounts.GroupId.ToString(CultureInfo.InvariantCulture)], layout.Root),
            layout.Root, cancellationToken: cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(layout.InsideLog, inside.StdOut + inside.StdErr, cancellationToken).ConfigureAwait(false);
        foreach (var line in inside.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)) log(line.TrimEnd());
        if (!inside.Succeeded)
        {
            throw new RehearsalException($"starting the replica inside its namespaces failed (exit {inside.ExitCode}): {Last(inside.StdErr + inside.StdOut)}; full output in {layout.InsideLog}; `fixxit rehearsal down` cleans up");
        }

        var fingerprint = await File.ReadAllTextAsync(FingerprintFile(layout), cancellationToken).ConfigureAwait(false);
        (state with { HostKeyFingerprint = fingerprint.Trim() }).Save(layout);
        log($"up in {clock.Elapsed.TotalSeconds:0.0} s");
        return Describe(layout);
    }

    /// <summary>
    /// Runs inside the namespaces (as <c>rehearsal inside-up</c>): sshd, Pebble, Caddy ordering both certificates,
    /// the dev tree started as ec2-user. Never call it outside: it refuses to run in the machine's own namespace.
    /// </summary>
    public static async Task InsideUpAsync(string root, int userId, int groupId, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var layout = RehearsalLayout.Resolve(root);
        var state = RehearsalState.Load(layout) ?? throw new RehearsalException($"no rehearsal state at {layout.StateFile}");
        var here = NamespaceMembers.Of(Environment.ProcessId);
        if (here is null || here != state.NetNamespace || NamespaceMembers.IsMachines(here) && here == NamespaceMembers.Of(1))
        {
            throw new RehearsalException($"inside-up must run in the rehearsal's namespace {state.NetNamespace}, not {here}");
        }

        var user = FixxitTopology.Server.User;
        var home = $"/home/{user}";
        var clock = Stopwatch.StartNew();
        var fingerprint = await ReplicaSshd.StartAsync(layout.Parts, home, userId, groupId, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(FingerprintFile(layout), "SHA256:" + fingerprint + "\n", cancellationToken).ConfigureAwait(false);
        log($"  sshd on 22 (key only, host key SHA256:{fingerprint}) [{clock.Elapsed.TotalSeconds:0.0} s]");

        await PebbleServer.StartAsync(layout, cancellationToken).ConfigureAwait(false);
        using var acmeRoot = await PebbleServer.FetchRootAsync(layout, cancellationToken).ConfigureAwait(false);
        // The replica's system trust store trusts its ACME CA as the real server's trusts Let's Encrypt (curl on the host).
        await File.WriteAllTextAsync(layout.CaBundle, await File.ReadAllTextAsync("/etc/ssl/certs/ca-certificates.crt", cancellationToken).ConfigureAwait(false) + acmeRoot.ExportCertificatePem() + "\n", cancellationToken)
            .ConfigureAwait(false);
        await ProcessRunner.RunCheckedAsync("mount", ["--bind", layout.CaBundle, "/etc/ssl/certs/ca-certificates.crt"], cancellationToken: cancellationToken).ConfigureAwait(false);
        log($"  pebble on 14000/15000, its root {acmeRoot.Subject} in {layout.PebbleRoot} [{clock.Elapsed.TotalSeconds:0.0} s]");

        var sites = FixxitTopology.Server.Environments.Select(e => e.Proxy).OfType<EnvConfig.ProxySite>().ToList();
        await ReplicaCaddy.StartAsync(layout, FixxitTopology.Server.Proxy.ConfigPath, sites, cancellationToken).ConfigureAwait(false);
        log($"  caddy on 80/443 with {FixxitTopology.Server.Proxy.ConfigPath}, ordering certificates [{clock.Elapsed.TotalSeconds:0.0} s]");

        await ReplicaDev.StartAsync(layout.Parts, FixxitTopology.Dev, user, userId, groupId, cancellationToken).ConfigureAwait(false);
        log($"  dev at {FixxitTopology.Dev.Directory}, backend 8080, frontend 5173, as {user} [{clock.Elapsed.TotalSeconds:0.0} s]");

        foreach (var site in sites)
        {
            using var leaf = await ReplicaCaddy.WaitIssuedAsync(site.Domain, acmeRoot, TimeSpan.FromSeconds(30), layout, cancellationToken).ConfigureAwait(false);
            log($"  certificate for {site.Domain}: issuer {leaf.Issuer}, valid until {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd} [{clock.Elapsed.TotalSeconds:0.0} s]");
        }
    }

    /// <summary>
    /// Ends every process in the rehearsal's namespaces (TERM, then KILL), and the <c>unshare</c> parent; when the last
    /// one is gone the namespaces and their mounts are gone too. Proves none is left.
    /// </summary>
    public static async Task DownAsync(string? root, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var layout = RehearsalLayout.Resolve(root);
        log ??= _ => { };
        if (!File.Exists(Path.Combine(layout.Root, RehearsalLayout.RootMarker))) return;
        var state = RehearsalState.Load(layout);
        if (state is null) return;
        if (state.NetNamespace is { } net && NamespaceMembers.IsMachines(net))
        {
            throw new RehearsalException($"{layout.StateFile} names the machine's own network namespace {net}: refusing to stop its processes");
        }

        var clock = Stopwatch.StartNew();
        foreach (var signal in new[] { "TERM", "KILL" })
        {
            var members = Members(layout, state);
            if (members.Count == 0) break;
            log($"{signal} {members.Count} process(es) of the rehearsal: {string.Join(' ', members)}");
            await ProcessRunner.RunAsync("kill", ["-" + signal, .. members.Select(p => p.ToString(CultureInfo.InvariantCulture))], cancellationToken: cancellationToken).ConfigureAwait(false);
            var until = clock.Elapsed + TimeSpan.FromSeconds(signal == "TERM" ? 5 : 5);
            while (Members(layout, state).Count > 0 && clock.Elapsed < until) await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        var left = Members(layout, state);
        if (left.Count > 0) throw new RehearsalException($"after SIGKILL, processes of the rehearsal's namespaces are still alive: {string.Join(' ', left)}");
        (state with { UnsharePid = null, HolderPid = null }).Save(layout);
        log("down: no process, namespace or mount of the rehearsal is left");
    }

    /// <summary>What runs: the holder and the number of processes in the namespace; null when it was never brought up.</summary>
    public static (RehearsalState? State, IReadOnlyList<int> Members) Status(string? root)
    {
        var layout = RehearsalLayout.Resolve(root);
        var state = RehearsalState.Load(layout);
        return (state, state is null ? [] : Members(layout, state));
    }

    public static RehearsalInfo Describe(string? root) => Describe(RehearsalLayout.Resolve(root));

    private static RehearsalInfo Describe(RehearsalLayout layout)
    {
        var state = RehearsalState.Load(layout) ?? throw new RehearsalException($"no rehearsal host at {layout.Root}: run `fixxit rehearsal up` first");
        if (!Running(state)) throw new RehearsalException($"the rehearsal host at {layout.Root} is not running: run `fixxit rehearsal up`");
        return new RehearsalInfo
        {
            Root = layout.Root,
            HolderPid = state.HolderPid!.Value,
            NetNamespace = state.NetNamespace!,
            HostKeyFingerprint = state.HostKeyFingerprint ?? throw new RehearsalException($"the rehearsal host at {layout.Root} did not finish starting: run `fixxit rehearsal down` then `up`"),
            ClientKeyPath = layout.Parts.ClientKey,
            TrustedRootPath = layout.PebbleRoot,
            CredentialsPath = layout.Parts.CredentialsFile,
        };
    }

    private static bool Running(RehearsalState state) =>
        state.HolderPid is { } pid && state.NetNamespace is { } net && NamespaceMembers.Of(pid) == net;

    /// <summary>Every process in the recorded namespaces, plus the <c>unshare</c> parent when it is still ours.</summary>
    private static List<int> Members(RehearsalLayout layout, RehearsalState state)
    {
        var members = new HashSet<int>();
        if (state.NetNamespace is { } net && !NamespaceMembers.IsMachines(net)) members.UnionWith(NamespaceMembers.Find(net));
        if (state.MountNamespace is { } mnt && !NamespaceMembers.IsMachines(mnt, "mnt")) members.UnionWith(NamespaceMembers.Find(mnt, "mnt"));
        if (state.UnsharePid is { } unshare && ProcessTable.CommandLine(unshare) is { } command && command.Contains(layout.HolderScript, StringComparison.Ordinal)) members.Add(unshare);
        members.Remove(Environment.ProcessId);
        return [.. members.Order()];
    }

    private static async Task<(int Holder, string Net, string Mnt)> WaitHolderAsync(RehearsalLayout layout, int unshare, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (File.Exists(layout.HolderReadyFile))
            {
                var lines = await File.ReadAllLinesAsync(layout.HolderReadyFile, cancellationToken).ConfigureAwait(false);
                return (int.Parse(lines[0], CultureInfo.InvariantCulture), lines[1].Trim(), lines[2].Trim());
            }

            if (!ProcessTable.IsAlive(unshare)) break;
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        var holderLog = File.Exists(layout.HolderLog) ? Last(await File.ReadAllTextAsync(layout.HolderLog, cancellationToken).ConfigureAwait(false)) : "(no log)";
        throw new RehearsalException($"the namespace holder did not get ready ({holderLog}); see {layout.HolderLog}");
    }

    /// <summary>The replica's files, written before the holder mounts them.</summary>
    private static ReplicaAccounts.Result PrepareFiles(RehearsalLayout layout)
    {
        foreach (var file in new[] { layout.HolderReadyFile, FingerprintFile(layout) }) File.Delete(file);
        foreach (var dir in new[] { layout.Etc, layout.CaddyEtc, layout.Home, layout.Run, Path.Combine(layout.Run, "sshd"), layout.PebbleDirectory, layout.CaddyDirectory, layout.ClientHome, layout.Parts.TemporaryDirectory })
        {
            Directory.CreateDirectory(dir);
        }

        Directory.CreateDirectory(layout.Tmp);
        File.SetUnixFileMode(layout.Tmp, (UnixFileMode)Convert.ToInt32("1777", 8));
        File.SetUnixFileMode(layout.Parts.TemporaryDirectory, (UnixFileMode)Convert.ToInt32("1777", 8));
        var user = FixxitTopology.Server.User;
        var accounts = ReplicaAccounts.Add(user, $"/home/{user}", File.ReadAllText("/etc/passwd"), File.ReadAllText("/etc/group"), File.ReadAllText("/etc/shadow"));
        File.WriteAllText(layout.Passwd, accounts.Passwd);
        File.WriteAllText(layout.Group, accounts.Group);
        File.WriteAllText(layout.Shadow, accounts.Shadow);
        File.SetUnixFileMode(layout.Shadow, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(layout.Hosts, ReplicaEtc.Hosts(FixxitTopology.Server.Environments.Select(e => e.PublicHost), Environment.MachineName));
        File.WriteAllText(layout.Sudoers, ReplicaEtc.Sudoers(user, ReplicaEtc.SudoCommands));
        File.SetUnixFileMode(layout.Sudoers, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        File.WriteAllText(layout.HolderScript, HolderScript.Render(layout, KeptVisible()));
        return accounts;
    }

    private static void Wipe(RehearsalLayout layout)
    {
        foreach (var entry in new DirectoryInfo(layout.Root).EnumerateFileSystemInfos().Where(e => e.Name != RehearsalLayout.RootMarker))
        {
            if (entry is DirectoryInfo dir) dir.Delete(recursive: true);
            else entry.Delete();
        }
    }

    private static string FingerprintFile(RehearsalLayout layout) => Path.Combine(layout.Root, "host-key.sha256");

    private static void ClaimRoot(RehearsalLayout layout)
    {
        var marker = Path.Combine(layout.Root, RehearsalLayout.RootMarker);
        if (File.Exists(marker)) return;
        if (Directory.Exists(layout.Root) && Directory.EnumerateFileSystemEntries(layout.Root).Any())
        {
            throw new RehearsalException($"{layout.Root} is not empty and is not a rehearsal root (no {RehearsalLayout.RootMarker}); choose an empty or new folder for --root");
        }

        Directory.CreateDirectory(layout.Root);
        File.WriteAllText(marker, "This folder is a Fixxit.Verify rehearsal root (fixxit rehearsal up|down).\n");
    }

    private static string Last(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";

    /// <summary>What the commands run inside need at their own paths: the repository (checklist, CLI build) and the running program.</summary>
    private static IEnumerable<string> KeptVisible() =>
        new[] { SandboxLayout.RepositoryRoot(), SandboxLayout.RepositoryRoot(AppContext.BaseDirectory), AppContext.BaseDirectory }.OfType<string>();
}
