using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Support;
using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Validation;
using Fixxit.FileFormats.DotEnv;
using Fixxit.FileFormats.ShellScript;
using Fixxit.LiveChecks;
using Fixxit.Masking;
using Reqnroll;

namespace Fixxit.Checklist.Features.Steps;

[Binding]
public sealed class ServerSteps(ChecklistRun run, PersistedUrls persistedUrls)
{
    [Then("start_server.sh status reports the {word} environment's backend and frontend running")]
    public async Task ThenStatusReportsRunning(string name)
    {
        var env = run.Environment(name);
        var status = await run.Server.StartServerStatusAsync(env).ConfigureAwait(false);
        var stopped = status.StdOut.Split('\n').Where(l => l.Contains("stopped", StringComparison.OrdinalIgnoreCase)).Select(l => l.Trim()).ToList();
        Check.That(status.Succeeded,
            stopped.Count > 0
                ? $"{env.Name} is not fully running: ./{env.Commands.Script} status says \"{string.Join("; ", stopped)}\""
                : $"{env.Name}: ./{env.Commands.Script} status exits {status.ExitCode}",
            (status.StdOut + status.StdErr).Trim());
    }

    [Then("the {word} environment's ports listen on loopback only, held by processes of its own directory")]
    public async Task ThenThePortsListenOnLoopback(string name)
    {
        var env = run.Environment(name);
        var sockets = await run.Server.ListeningAsync().ConfigureAwait(false);
        foreach (var (part, port) in new[] { ("backend", env.BackendPort), ("frontend", env.FrontendPort) })
        {
            var holders = sockets.Where(s => s.Port == port).ToList();
            Check.That(holders.Count > 0, $"nothing listens on {env.Name}'s {part} port {port}: the {env.Name} {part} is down or on another port");
            var exposed = holders.Where(s => !s.IsLoopback).Select(s => s.Address).ToList();
            Check.That(exposed.Count == 0, $"{env.Name}'s {part} port {port} listens on {string.Join(", ", exposed)}, not only on loopback: it bypasses Caddy");
            var pids = holders.SelectMany(s => s.Pids).Distinct().ToList();
            // ss shows a socket's process only to its owner or root: no pid means the check cannot judge, and a check
            // that cannot judge must not pass.
            Check.That(pids.Count > 0,
                $"inconclusive: ss shows no process holding {env.Name}'s {part} port {port}, so whose process holds it cannot be checked (run the checks as the user that runs {env.Name}, or as root)");
            foreach (var pid in pids)
            {
                var cwd = await run.Server.WorkingDirectoryAsync(pid).ConfigureAwait(false);
                var own = cwd == env.Directory || cwd.StartsWith(env.Directory.TrimEnd('/') + "/", StringComparison.Ordinal);
                Check.That(own, $"{env.Name}'s {part} port {port} is held by process {pid} running in {cwd}, not in {env.Directory}: another environment took {env.Name}'s port");
            }
        }
    }

    [Then("a real connection to each of the {word} environment's ports succeeds")]
    public async Task ThenARealConnectionSucceeds(string name)
    {
        var env = run.Environment(name);
        foreach (var (part, port) in new[] { ("backend", env.BackendPort), ("frontend", env.FrontendPort) })
        {
            Check.That(await run.Server.ConnectsAsync(port).ConfigureAwait(false), $"a TCP connection to {env.Name}'s {part} on 127.0.0.1:{port} fails on the server");
        }
    }

    [Then("the {word} environment's start_server.sh sets its own ports, not another environment's")]
    public async Task ThenStartServerSetsOwnPorts(string name)
    {
        var env = run.Environment(name);
        var text = await run.Server.ReadAsync(env, env.Commands.Script).ConfigureAwait(false);
        IReadOnlyList<ConfigProblem> problems;
        try
        {
            // The product's rule (doctor runs it too): declared ports, no neighbour's port, the proxy's upstream.
            problems = ScriptPortCheck.Check(run.Target.Topology, env, text);
        }
        catch (Exception e) when (e is ShellScriptFormatException or ShellScriptEditException)
        {
            throw new ChecklistFailure($"{env.Name}'s {env.Commands.Script} does not set its ports unambiguously", e.Message);
        }

        Check.That(problems.Count == 0, problems.FirstOrDefault()?.Message ?? string.Empty, string.Join(Environment.NewLine, problems));
    }

    [Then("the URLs in the {word} environment's backend\\/.env point at its own domain")]
    public async Task ThenDotEnvUrlsAreOwn(string name)
    {
        var env = run.Environment(name);
        var text = await run.Server.ReadAsync(env, env.DotEnvFile).ConfigureAwait(false);
        foreach (var (key, value) in Fixxit.FileFormats.DotEnv.DotEnvDocument.Parse(text).Entries.Select(e => (e.Key, e.Value)))
        {
            if (key.Contains("KEY", StringComparison.Ordinal) || key.Contains("SECRET", StringComparison.Ordinal) || key.Contains("PASSWORD", StringComparison.Ordinal))
                SecretMasker.Shared.Register(value, key);
        }

        var problems = DotEnvUrlCheck.Check(run.Target.Topology, env, text);
        Check.That(problems.Count == 0, $"{env.Name}'s backend/.env: {problems.FirstOrDefault()?.Setting} {problems.FirstOrDefault()?.Message} ({problems.FirstOrDefault()?.Id})",
            string.Join(Environment.NewLine, problems));
    }

    [Then("the {word} environment's DATABASE_PASSWORD_ENCRYPTION_KEY has the same fingerprint in backend\\/.env and start_server.sh")]
    public async Task ThenTheKeyIsTheSameInBothFiles(string name)
    {
        var env = run.Environment(name);
        const string key = EnvironmentSecrets.EncryptionKeyName;
        var dotEnv = await run.Server.ReadAsync(env, env.DotEnvFile).ConfigureAwait(false);
        var script = await run.Server.ReadAsync(env, env.Commands.Script).ConfigureAwait(false);
        Check.That(DotEnvDocument.Parse(dotEnv, env.PathOf(env.DotEnvFile)).Contains(key), $"{env.Name}'s backend/.env does not define {key}");
        // The product's FIX002 rule (doctor runs it too); a script without the key has nothing to disagree with.
        var problems = KeyConsistency.Check(env, dotEnv, script, [key]);
        Check.That(problems.Count == 0, problems.FirstOrDefault()?.Message ?? string.Empty, string.Join(Environment.NewLine, problems));
    }

    [Then("the environment under test has the same {word} fingerprint as its source environment")]
    public async Task ThenTheKeyMatchesTheSource(string key)
    {
        var env = run.UnderTest;
        var source = run.Target.Source;
        var mine = await run.Server.DotEnvValueAsync(env, env.DotEnvFile, key).ConfigureAwait(false);
        var theirs = await run.Server.DotEnvValueAsync(source, source.DotEnvFile, key).ConfigureAwait(false);
        Check.That(mine is not null, $"{env.Name}'s backend/.env does not define {key}");
        Check.That(theirs is not null, $"{source.Name}'s backend/.env does not define {key}");
        // The product's FIX002 rule (preflight runs it too).
        var problem = CopiedDatabaseKeyCheck.Check(env, source, key, mine!, theirs!);
        Check.That(problem is null, problem?.Message ?? string.Empty);
    }

    [Then("every encrypted log-source password in the database of the environment under test decrypts with its DATABASE_PASSWORD_ENCRYPTION_KEY")]
    public async Task ThenEveryStoredPasswordDecrypts()
    {
        var env = run.UnderTest;
        var keyText = await run.Server.DotEnvValueAsync(env, env.DotEnvFile, EnvironmentSecrets.EncryptionKeyName).ConfigureAwait(false);
        Check.That(keyText is not null, $"{env.Name}'s backend/.env does not define {EnvironmentSecrets.EncryptionKeyName}");
        Check.That(FernetKey.TryParse(keyText!, out var key), $"{env.Name}'s {EnvironmentSecrets.EncryptionKeyName} is not a Fernet key");
        using var db = await run.Databases.OpenAsync(env).ConfigureAwait(false);
        Check.That(db.TableExists(StoredTokenCheck.LogSourceTable), $"{env.Name}'s database has no log_source table: the logs page has nothing to read");
        var report = db.VerifyTokens(StoredTokenCheck.LogSourceTable, StoredTokenCheck.LogSourcePasswordColumn, key!);
        Check.That(report.Total > 0, $"{env.Name}'s database holds no encrypted log-source password to prove its key against");
        // The product's rule (apply proves a seeded copy with it too).
        var problem = StoredTokenCheck.Check(env, report);
        Check.That(problem is null, problem?.Message ?? string.Empty);
    }

    [Then("the persisted webui.url in the {word} environment's database is the {word} environment's public URL")]
    public Task ThenThePersistedUrlIsOwn(string name, string same)
    {
        Check.That(name == same, "the step must name one environment twice");
        return persistedUrls.RequireOwnAsync(run.Environment(name), string.Empty);
    }

    [Then("caddy validate accepts the server's Caddyfile")]
    public async Task ThenCaddyValidateAccepts()
    {
        var caddyfile = run.Target.Host.Proxy.ConfigPath;
        var result = await run.Server.CaddyValidateAsync(caddyfile).ConfigureAwait(false);
        Check.That(result.Succeeded, $"caddy validate rejects {caddyfile}", (result.StdErr + result.StdOut).Trim());
    }

    [Then("caddy adapt routes each environment's domain only to that environment's backend port")]
    public async Task ThenCaddyRoutesEachDomain()
    {
        var routing = await run.Server.CaddyRoutingAsync(run.Target.Host.Proxy.ConfigPath).ConfigureAwait(false);
        foreach (var env in run.Target.Host.Environments)
        {
            var ports = routing.UpstreamPortsFor(env.PublicHost);
            Check.That(ports.Count > 0, $"Caddy does not serve {env.PublicHost} at all");
            Check.That(ports.All(p => p == env.BackendPort),
                $"Caddy proxies {env.PublicHost} to port {string.Join(", ", ports)}, not {env.Name}'s backend port {env.BackendPort}");
        }
    }

    [Then("the public URL of the environment under test answers a signed-in user within the latency budget")]
    public async Task ThenThePublicUrlAnswersWithinTheBudget()
    {
        var env = run.UnderTest;
        var budget = run.Target.Settings.LatencyBudget;
        var samples = await LatencyProbe.SampleAsync(run.Api, env, "/api/models", Role.User).ConfigureAwait(false);
        var failed = samples.Where(s => !s.Response.IsSuccess).ToList();
        Check.That(failed.Count == 0, $"{env.Name} fails {failed.Count} of {samples.Count} requests while its latency is measured: {failed.FirstOrDefault().Response}");
        var median = LatencyProbe.Median(samples.Select(s => s.Latency));
        Check.That(median <= budget,
            $"{env.Name} is slow: {env.PublicUrl} takes {median.TotalMilliseconds:0} ms to answer (median of {samples.Count}), over the budget of {budget.TotalMilliseconds:0} ms",
            string.Join(", ", samples.Select(s => $"{s.Latency.TotalMilliseconds:0} ms")));
    }

    [Then("the disk holding the environment under test has enough free space")]
    public async Task ThenThereIsEnoughDisk()
    {
        var env = run.UnderTest;
        var free = await run.Server.FreeMegabytesAsync(env.Directory).ConfigureAwait(false);
        var minimum = run.Target.Settings.MinimumFreeDiskMegabytes;
        Check.That(free >= minimum, $"the server's disk holding {env.Name} has {free} MB free, less than the required {minimum} MB");
    }

    [Then("the newest database backup made before this run is recent and passes an integrity check")]
    public async Task ThenARecentVerifiedBackupExists()
    {
        var env = run.UnderTest;
        var settings = run.Target.Settings;
        var directory = settings.BackupDirectory.Replace("{directory}", env.Directory.TrimEnd('/'), StringComparison.Ordinal);
        // Only backups made before verifying began count (a deploy's own backup is part of the deployment, as with
        // `fixxit gate`; a run that only verifies takes none), so nothing this run does can satisfy the check.
        var sinceVerificationStarted = DateTimeOffset.UtcNow - run.VerificationStartedAt;
        var newest = await run.Server.NewestBackupAsync(directory, sinceVerificationStarted).ConfigureAwait(false);
        Check.That(newest is not null, $"there is no backup of {env.Name}'s database made before this run in {directory}");
        var (path, age) = newest!.Value;
        Check.That(age <= settings.BackupMaximumAge,
            $"the newest backup of {env.Name}'s database is {age.TotalHours:0.#} h old (older than {settings.BackupMaximumAge.TotalHours:0} h): {path}");
        var integrity = await run.Server.IntegrityCheckAsync(path).ConfigureAwait(false);
        Check.That(integrity == "ok", $"the newest backup of {env.Name}'s database fails its integrity check: {path}: {integrity}");
    }
}
