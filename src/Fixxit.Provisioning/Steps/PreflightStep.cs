using System.Globalization;
using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Validation;
using Fixxit.FileFormats.Caddy;
using Fixxit.LiveChecks;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;
using Fixxit.Provisioning.Releases;
using Fixxit.Remote;

namespace Fixxit.Provisioning.Steps;

/// <summary>
/// Step 1: everything that must hold before anything is touched. Each failure is one sentence naming the cause:
/// a topology rule (FIX001-FIX008), a missing tool, an unhealthy source, a port held by a foreign process, too little
/// disk, a key mismatch, a locked or corrupt database, a misrouted proxy, a held lock.
/// </summary>
internal static class PreflightStep
{
    public const string Name = "preflight";
    public const string Title = "Preflight checks";

    /// <summary>
    /// Every check, with the host's facts gathered in one round trip (<see cref="HostBatch"/>); the lock is taken (or,
    /// for plan and doctor, inspected) only when all checks passed. <see cref="PreflightScope.Full"/> adds the source,
    /// ports, disk, keys and proxy (apply, plan, doctor); without it only what rollback, backup and restore need.
    /// </summary>
    public static async Task<(StepResult Result, FailureKind Kind)> RunAsync(DeployContext ctx, PreflightScope scope)
    {
        var started = DateTimeOffset.UtcNow;
        var facts = await HostBatch.RunAsync(ctx.Ssh, FactCommands(ctx, scope.Full), ctx.Ct).ConfigureAwait(false);
        var checks = new List<PreflightCheck>
        {
            new("ssh", true, $"connected to {ctx.Ssh.Target.Display}, host key pinned (SHA256:{HostKeyPin.Normalize(ctx.Ssh.Target.HostKeyFingerprint)})"),
            Topology(ctx),
            Tools(ctx, facts["tools"]),
        };
        if (scope.Full) checks.AddRange(Source(ctx, facts));
        checks.AddRange(Target(ctx, facts));
        if (scope.Full)
        {
            checks.Add(Ports(ctx, facts["ports"]));
            checks.Add(Disk(ctx, facts["disk"]));
            checks.AddRange(await KeysAsync(ctx, facts).ConfigureAwait(false));
            checks.Add(Proxy(ctx, facts.GetValueOrDefault("proxy")));
        }

        var failed = checks.Where(c => !c.Passed).ToList();
        if (failed.Count == 0 && (scope.JudgeLock || scope.TakeLock)) checks.Add(await LockAsync(ctx, scope.TakeLock, scope.StaleLockAge).ConfigureAwait(false));
        failed = checks.Where(c => !c.Passed).ToList();

        var kind = failed.Count == 0 ? FailureKind.None
            : failed.Any(c => c.Kind == FailureKind.Locked) ? FailureKind.Locked
            : failed.Any(c => c.Kind == FailureKind.BadInput) ? FailureKind.BadInput
            : FailureKind.ProblemsFound;
        var message = failed.Count == 0
            ? $"{checks.Count} checks passed"
            : string.Join("; ", failed.Select(c => $"{c.Name}: {c.Message}"));
        var result = new StepResult(Name, failed.Count == 0 ? StepStatus.Unchanged : StepStatus.Failed, message)
        {
            Details = checks.Select(c => c.Line).ToList(),
            Duration = DateTimeOffset.UtcNow - started,
        };
        return (result, kind);
    }

    /// <summary>The read-only commands whose output the checks judge; independent of each other, so they run side by side.</summary>
    private static Dictionary<string, string> FactCommands(DeployContext ctx, bool full)
    {
        var s = ctx.Source;
        var t = ctx.Target;
        var targetScript = DeployContext.Q(t.PathOf(t.Commands.Script));
        var targetDb = DeployContext.Q(t.PathOf(t.Database.Path));
        var commands = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tools"] = "for t in rsync sqlite3 curl ss; do command -v \"$t\" >/dev/null 2>&1 || echo \"$t\"; done",
            ["target"] = $"test -f {targetScript} && echo TREE; test -f {targetDb} && echo DB; test -f {targetScript} && cd {DeployContext.Q(t.Directory)} && {t.Commands.Status} >/dev/null 2>&1 && echo RUNNING",
            ["target-db"] = $"test -f {targetDb} || exit 0; {HostSqlite.QuickCheckCommand(t.PathOf(t.Database.Path))}",
        };
        if (!full) return commands;

        commands["source"] = $"test -f {DeployContext.Q(s.PathOf(s.Commands.Script))}";
        commands["source-db"] = HostSqlite.QuickCheckCommand(s.PathOf(s.Database.Path));
        commands["source-health"] = HealthProbe.GetCommand(s.BackendPort, "/health");
        commands["source-commit"] = $"git -C {DeployContext.Q(s.Directory)} rev-parse --short HEAD 2>/dev/null";
        commands["ports"] = PortHolders.Command();
        commands["disk"] = DiskCommand(ctx);
        foreach (var file in KeyFiles(ctx)) commands["file " + file] = $"cat {DeployContext.Q(file)}";
        if (t.Proxy is not null) commands["proxy"] = CaddyCommands.Adapt(ctx.Host.Proxy.ConfigPath, ctx.Host.Proxy.Executable);
        return commands;
    }

    private static PreflightCheck Topology(DeployContext ctx)
    {
        var problems = TopologyValidator.Validate(ctx.Topology);
        return problems.Count == 0
            ? new("topology", true, $"{ctx.Topology.Name}: FIX001-FIX008 clean")
            : new("topology", false, string.Join("; ", problems.Select(p => p.ToString())), FailureKind.BadInput);
    }

    private static PreflightCheck Tools(DeployContext ctx, CommandResult result)
    {
        var missing = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return missing.Length == 0
            ? new("tools", true, "rsync, sqlite3, curl and ss are installed on the host")
            : new("tools", false, $"{string.Join(", ", missing)} not installed on host {ctx.Host.Name}: install {(missing.Length == 1 ? "it" : "them")} (the copy, the DB backup and the checks run there)");
    }

    private static List<PreflightCheck> Source(DeployContext ctx, IReadOnlyDictionary<string, CommandResult> facts)
    {
        var s = ctx.Source;
        if (!facts["source"].Succeeded)
        {
            return [new("source", false, $"{s.Name}'s tree {s.Directory} has no {s.Commands.Script}: nothing to copy from", FailureKind.BadInput)];
        }

        var list = new List<PreflightCheck>();
        var db = HostSqlite.QuickCheckVerdict(s.PathOf(s.Database.Path), facts["source-db"]);
        list.Add(db == "ok" ? new("source-db", true, $"{s.Name}'s database passes quick_check") : new("source-db", false, $"{s.Name}'s database: {db}"));
        var health = HealthProbe.Parse(facts["source-health"]);
        list.Add(health.Status == 200
            ? new("source-health", true, $"{s.Name} answers /health on 127.0.0.1:{s.BackendPort}")
            : new("source-health", false, $"{s.Name} is not healthy: /health on 127.0.0.1:{s.BackendPort} answered {(health.Status == 0 ? "nothing" : health.Status.ToString(CultureInfo.InvariantCulture))}; fix dev before copying it"));
        var commit = facts["source-commit"];
        ctx.SourceCommit = commit.Succeeded ? commit.StdOut.Trim() : null;
        return list;
    }

    private static List<PreflightCheck> Target(DeployContext ctx, IReadOnlyDictionary<string, CommandResult> facts)
    {
        var t = ctx.Target;
        var probe = facts["target"];
        ctx.TargetExists = probe.StdOut.Contains("TREE", StringComparison.Ordinal);
        ctx.TargetHasDatabase = probe.StdOut.Contains("DB", StringComparison.Ordinal);
        ctx.TargetWasRunning = probe.StdOut.Contains("RUNNING", StringComparison.Ordinal);
        var list = new List<PreflightCheck>
        {
            new("target", true, !ctx.TargetExists ? $"{t.Name} is not provisioned yet ({t.Directory})" : $"{t.Name} exists, {(ctx.TargetWasRunning ? "running" : "stopped")}"),
        };
        if (ctx.TargetHasDatabase)
        {
            var db = HostSqlite.QuickCheckVerdict(t.PathOf(t.Database.Path), facts["target-db"]);
            list.Add(db == "ok" ? new("target-db", true, $"{t.Name}'s database passes quick_check") : new("target-db", false, $"{t.Name}'s database: {db}"));
        }

        return list;
    }

    private static PreflightCheck Ports(DeployContext ctx, CommandResult result)
    {
        var t = ctx.Target;
        if (!result.Succeeded) throw new RemoteCommandException(ctx.Ssh.Target.Display, PortHolders.Command(), result);
        var holders = PortHolders.Parse(result.StdOut, [t.BackendPort, t.FrontendPort]);
        var foreign = holders.Where(h => !h.RunsIn(t.Directory)).ToList();
        if (foreign.Count > 0)
        {
            return new("ports", false, string.Join("; ", foreign.Select(h => $"port {h.Port} is held by a foreign process: {h}")) + $" — {t.Name} needs {t.BackendPort}/{t.FrontendPort}; stop that process or change the declared ports");
        }

        return new("ports", true, holders.Count == 0 ? $"{t.BackendPort} and {t.FrontendPort} are free" : $"{t.BackendPort}/{t.FrontendPort} are held by {t.Name}'s own processes");
    }

    private static string DiskCommand(DeployContext ctx)
    {
        var s = ctx.Source;
        var excludes = string.Join(' ', s.CopyExclusions.Select(e => "--exclude=" + DeployContext.Q(e.TrimEnd('*').TrimEnd('/'))));
        var parent = Path.GetDirectoryName(ctx.Target.Directory.TrimEnd('/'))!;
        return $"du -sk {excludes} {DeployContext.Q(s.Directory)} 2>/dev/null | cut -f1; stat -c %s {DeployContext.Q(s.PathOf(s.Database.Path))} 2>/dev/null || echo 0; df -Pk {DeployContext.Q(parent)} | awk 'NR==2 {{print $4}}'";
    }

    private static PreflightCheck Disk(DeployContext ctx, CommandResult result)
    {
        var parent = Path.GetDirectoryName(ctx.Target.Directory.TrimEnd('/'))!;
        var numbers = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => long.TryParse(n, CultureInfo.InvariantCulture, out var v) ? v : -1).ToArray();
        if (numbers.Length < 3 || numbers.Any(n => n < 0)) return new("disk", false, $"could not measure disk space on the host: {result.StdErr.Trim()}");
        var treeBytes = numbers[0] * 1024;
        var dbBytes = numbers[1];
        var freeBytes = numbers[2] * 1024;
        // The copy, the seeded DB, and a snapshot DB (the code snapshot is hard-linked), plus the reserve.
        var needed = treeBytes + (2 * dbBytes) + ctx.Apply.DiskReserveBytes;
        return freeBytes >= needed
            ? new("disk", true, $"{Mib(freeBytes)} free on {parent}, {Mib(needed)} needed")
            : new("disk", false, $"disk too small: {Mib(freeBytes)} free on {parent} but the copy ({Mib(treeBytes)}), database and snapshot ({Mib(2 * dbBytes)}) and the reserve ({Mib(ctx.Apply.DiskReserveBytes)}) need {Mib(needed)}");
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MiB");

    /// <summary>The host files the source's and target's key references read (fetched with the other facts).</summary>
    private static IEnumerable<string> KeyFiles(DeployContext ctx) =>
        ctx.Source.Secrets.StoredDataKeys().Select(k => SecretResolver.RemoteFile(ctx.Source, k.Ref))
            .Concat(ctx.Target.Secrets.StoredDataKeys().Select(k => SecretResolver.RemoteFile(ctx.Target, k.Ref)))
            .OfType<string>().Distinct(StringComparer.Ordinal);

    private static async Task<List<PreflightCheck>> KeysAsync(DeployContext ctx, IReadOnlyDictionary<string, CommandResult> facts)
    {
        string? Text(AppEnvironment environment, SecretRef reference) =>
            SecretResolver.RemoteFile(environment, reference) is { } file && facts.TryGetValue("file " + file, out var read) && read.Succeeded ? read.StdOut : null;

        var list = new List<PreflightCheck>();
        foreach (var (name, reference) in ctx.Source.Secrets.StoredDataKeys())
        {
            var sourceValue = await SecretResolver.ResolveAsync(ctx.Source, reference, Text(ctx.Source, reference), ctx.Ct).ConfigureAwait(false);
            if (sourceValue is null)
            {
                list.Add(new($"key {name}", false, $"{ctx.Source.Name} does not define {name} ({reference})"));
                continue;
            }

            var sourceFp = SecretResolver.Fingerprint(sourceValue);
            ctx.KeyFingerprints[name] = sourceFp;
            if (name == EnvConfig.EnvironmentSecrets.EncryptionKeyName) ctx.SourceEncryptionKey = sourceValue;
            var problems = new List<string>();
            var declared = ctx.Target.Secrets.StoredDataKeys().FirstOrDefault(k => k.Name == name).Ref?.Fingerprint ?? reference.Fingerprint;
            if (declared is not null && !string.Equals(declared, sourceFp, StringComparison.Ordinal))
                problems.Add($"{ctx.Source.Name}'s {name} has fingerprint {sourceFp}, the topology declares {declared}");

            // The same FIX002 rule the checklist's "same fingerprint as its source environment" step applies.
            if (ctx.TargetExists
                && ctx.Target.Secrets.StoredDataKeys().FirstOrDefault(k => k.Name == name).Ref is { } targetRef
                && await SecretResolver.ResolveAsync(ctx.Target, targetRef, Text(ctx.Target, targetRef), ctx.Ct).ConfigureAwait(false) is { } targetValue
                && CopiedDatabaseKeyCheck.Check(ctx.Target, ctx.Source, name, targetValue, sourceValue) is { } mismatch)
            {
                problems.Add(ProblemText.OneLine(mismatch));
            }

            list.Add(problems.Count == 0
                ? new($"key {name}", true, $"{ctx.Source.Name}'s key {sourceFp}{(declared is null ? string.Empty : " = declared")}{(ctx.TargetExists ? $", {ctx.Target.Name} resolves to the same" : string.Empty)}")
                : new($"key {name}", false, string.Join("; ", problems)));
        }

        return list;
    }

    private static PreflightCheck Proxy(DeployContext ctx, CommandResult? adapted)
    {
        if (ctx.Target.Proxy is not { } site || adapted is null) return new("proxy", true, $"{ctx.Target.Name} declares no proxy site");
        var proxy = ctx.Host.Proxy;
        if (!adapted.Succeeded) return new("proxy", false, $"caddy adapt of {proxy.ConfigPath} failed: {adapted.StdErr.Trim().Split('\n')[^1]}");
        var routing = CaddyRouting.Parse(adapted.StdOut, proxy.ConfigPath);
        var ports = routing.UpstreamPortsFor(site.Domain);
        if (ports.Count == 0) return new("proxy", false, $"{proxy.ConfigPath} has no site for {site.Domain}: Caddy would not serve {ctx.Target.Name}");
        return ports.All(p => p == ctx.Target.BackendPort)
            ? new("proxy", true, $"Caddy routes {site.Domain} to {ctx.Target.BackendPort} ({ctx.Target.Name}'s backend)")
            : new("proxy", false, $"Caddy routes {site.Domain} to {string.Join(", ", ports)}, not {ctx.Target.Name}'s backend port {ctx.Target.BackendPort} (FIX005)");
    }

    private static async Task<PreflightCheck> LockAsync(DeployContext ctx, bool take, TimeSpan staleAge)
    {
        if (!take)
        {
            var (held, holder, stale) = await DeployLock.InspectAsync(ctx.Ssh, ctx.Layout, staleAge, ctx.Ct).ConfigureAwait(false);
            if (!held) return new("lock", true, $"{ctx.Layout.Lock} is free");
            return stale is not null
                ? new("lock", true, $"{ctx.Layout.Lock} is stale ({stale}); the next apply breaks it")
                : new("lock", false, $"{ctx.Layout.Lock} is held by {holder?.ToString() ?? "an unknown run"}", FailureKind.Locked);
        }

        try
        {
            var me = new LockHolder
            {
                RunId = ctx.RunId, Operation = ctx.Operation.ToString().ToLowerInvariant(), Actor = ctx.Options.Actor,
                Machine = Environment.MachineName, Pid = Environment.ProcessId, Since = DateTimeOffset.UtcNow,
            };
            ctx.Lock = await DeployLock.AcquireAsync(ctx.Ssh, ctx.Layout, me, staleAge, ctx.Ct).ConfigureAwait(false);
            return new("lock", true, ctx.Lock.BrokeStale is { } broke ? $"taken ({broke})" : $"taken ({ctx.Layout.Lock})");
        }
        catch (ProvisioningException e) when (e.Kind == FailureKind.Locked)
        {
            return new("lock", false, e.Message, FailureKind.Locked);
        }
    }
}
