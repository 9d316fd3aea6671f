using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fixxit.Remote;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Environments;
using Fixxit.Sandbox.Processes;
using Fixxit.Topologies;
using Fixxit.FileFormats.ShellScript;

// dotnet run -c Release --project bench/Fixxit.Bench.Sandbox -- [--slot N] [--cold K] [--warm K] [--checks N]
// Prints a markdown table (docs/benchmarks/sandbox.md) and writes it to bench/Fixxit.Bench.Sandbox/results/.
// --checks N: per cold run, N server checks on the one pinned connection vs N fresh OpenSSH client invocations.
var slot = Option("--slot", 9);
var coldRuns = Option("--cold", 3);
var warmRuns = Option("--warm", 5);
var checks = Option("--checks", 50);
var ports = SandboxPorts.ForSlot(slot);
var samples = new Dictionary<string, List<double>>();

for (var run = 0; run < coldRuns; run++)
{
    var root = Path.Combine(Path.GetTempPath(), $"fixxit-bench-sandbox-{Guid.NewGuid():N}"[..32]);
    try
    {
        var steps = new List<(TimeSpan At, string Step)>();
        var stepClock = Stopwatch.StartNew();
        var info = await Measure("up, cold (new root: keys, dev tree with npm install + seed + git, start all)",
            () => SandboxControl.UpAsync(new SandboxOptions { Root = root, Ports = ports, Log = line => steps.Add((stepClock.Elapsed, StepName(line))) }));
        steps.Add((stepClock.Elapsed, "end"));
        for (var i = 0; i + 1 < steps.Count; i++)
        {
            (samples.TryGetValue($"  cold step: {steps[i].Step}", out var list) ? list : samples[$"  cold step: {steps[i].Step}"] = []).Add((steps[i + 1].At - steps[i].At).TotalMilliseconds);
        }

        for (var i = 0; i < warmRuns; i++) await Time("up, warm (everything already running)", () => SandboxControl.UpAsync(new SandboxOptions { Root = root, Ports = ports }));

        var backend = EnvironmentControl.Pid(info.Dev, "backend")!.Value;
        await ProcessRunner.RunCheckedAsync("kill", ["-9", backend.ToString(CultureInfo.InvariantCulture)]);
        while (ProcessTable.IsAlive(backend)) await Task.Delay(10); // the signal is asynchronous: measure recovery, not a race
        await Time("up after kill -9 of dev's backend", () => SandboxControl.UpAsync(new SandboxOptions { Root = root, Ports = ports }));

        await using (var ssh = await SshSession.ConnectAsync(info.SshTarget()))
        {
            for (var i = 0; i < 20; i++) await Time("ssh command on a reused connection (sandbox .bashrc)", () => ssh.RunCheckedAsync("true"));
        }

        // The checklist's server checks are short commands like these; A/B in the same minute, so the ratio is fair.
        var layout = new SandboxLayout(root);
        var check = $"test -f {ShellQuote.Quote(info.Dev.PathOf(info.Dev.Commands.Script))} && stat -c %s {ShellQuote.Quote(info.Dev.PathOf(info.Dev.DotEnvFile))}";
        var knownHosts = Path.Combine(root, "bench_known_hosts");
        await File.WriteAllTextAsync(knownHosts, $"[127.0.0.1]:{ports.Ssh} {(await File.ReadAllTextAsync(layout.HostKey + ".pub")).Trim()}\n");
        for (var rep = 0; rep < 3; rep++)
        {
            await Time($"{checks} server checks, one pinned SSH.NET connection (total)", async () =>
            {
                await using var pinned = await SshSession.ConnectAsync(info.SshTarget());
                for (var i = 0; i < checks; i++) await pinned.RunCheckedAsync(check);
            });
            await Time($"{checks} server checks, a fresh OpenSSH client each (total)", async () =>
            {
                for (var i = 0; i < checks; i++)
                {
                    await ProcessRunner.RunCheckedAsync("ssh",
                    [
                        "-i", layout.ClientKey, "-p", ports.Ssh.ToString(CultureInfo.InvariantCulture), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                        "-o", "UserKnownHostsFile=" + knownHosts, "-o", "LogLevel=ERROR", $"{info.User}@127.0.0.1", check,
                    ]);
                }
            });
        }

        // A/B: what each command would cost if the login shell ran root's real .bashrc (pyenv init).
        var bashrc = Path.Combine(new SandboxLayout(root).UserHome, ".bashrc");
        var original = await File.ReadAllTextAsync(bashrc);
        await File.AppendAllTextAsync(bashrc, "[ -f /root/.bashrc ] && HOME=/root . /root/.bashrc\n");
        await using (var ssh = await SshSession.ConnectAsync(info.SshTarget()))
        {
            for (var i = 0; i < 20; i++) await Time("ssh command with root's .bashrc (pyenv init) sourced", () => ssh.RunCheckedAsync("true"));
        }

        await File.WriteAllTextAsync(bashrc, original);
        await Time("down (stop all by pid, prove ports free)", () => SandboxControl.DownAsync(root));
        await Time("up from down (tree, keys and CA kept)", () => SandboxControl.UpAsync(new SandboxOptions { Root = root, Ports = ports }));
        await SandboxControl.DownAsync(root);
    }
    finally
    {
        await SandboxControl.DownAsync(root);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}

var table = new StringBuilder();
table.AppendLine(CultureInfo.InvariantCulture, $"| operation | n | median ms | min ms | max ms |");
table.AppendLine("|---|---:|---:|---:|---:|");
foreach (var (name, values) in samples)
{
    values.Sort();
    table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {values.Count} | {values[values.Count / 2]:0} | {values[0]:0} | {values[^1]:0} |");
}

var pinnedTotal = Median($"{checks} server checks, one pinned SSH.NET connection (total)");
var freshTotal = Median($"{checks} server checks, a fresh OpenSSH client each (total)");
if (pinnedTotal > 0) table.AppendLine(CultureInfo.InvariantCulture, $"\nfresh / pinned for {checks} checks: {freshTotal / pinnedTotal:0.0}× (medians)");
Console.WriteLine(table);
var results = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, $"sandbox-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md"), table.ToString());
return 0;

async Task<T> Measure<T>(string name, Func<Task<T>> action)
{
    var clock = Stopwatch.StartNew();
    var result = await action();
    (samples.TryGetValue(name, out var list) ? list : samples[name] = []).Add(clock.Elapsed.TotalMilliseconds);
    return result;
}

double Median(string name) => samples.TryGetValue(name, out var values) && values.Count > 0 ? values.Order().ElementAt(values.Count / 2) : 0;

async Task Time(string name, Func<Task> action) => await Measure(name, async () => { await action(); return 0; });

// "dev: ./start_server.sh start" → "dev start"; the root path and the like are dropped so runs aggregate.
static string StepName(string line) => line switch
{
    _ when line.StartsWith("sandbox root", StringComparison.Ordinal) => "keys + sshd config",
    _ when line.StartsWith("creating the dev tree", StringComparison.Ordinal) => "dev tree (copy backend, npm install, seed, git, clutter)",
    _ when line.StartsWith("dev:", StringComparison.Ordinal) => "dev start_server.sh start + /health",
    _ when line.StartsWith("caddy:", StringComparison.Ordinal) => "caddy validate + start (CA created)",
    _ when line.StartsWith("sshd:", StringComparison.Ordinal) => "sshd -t + start",
    _ => line,
};

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
