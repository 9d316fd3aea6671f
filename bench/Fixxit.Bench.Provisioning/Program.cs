using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fixxit.Bench.Provisioning;
using Fixxit.Provisioning;
using Fixxit.Sandbox;
using Fixxit.Topologies;

// dotnet run -c Release --project bench/Fixxit.Bench.Provisioning -- [--slot N] [--runs K] [--db-mb M] [--apply-only] [--baseline-cli DLL]
// Prints a markdown table (docs/benchmarks/provisioning.md) and writes it to bench/Fixxit.Bench.Provisioning/results/.
var slot = Option("--slot", 8);
var runs = Option("--runs", 5);
var dbMegabytes = Option("--db-mb", 200);
var applyOnly = args.Contains("--apply-only");
var baselineCli = Text("--baseline-cli");
var cli = Text("--cli") ?? Path.Combine(SandboxLayout.RepositoryRoot() ?? ".", "src", "Fixxit.Cli", "bin", "Release", "net10.0", "fixxit.dll");
var table = new Table();
var root = Path.Combine(Path.GetTempPath(), $"fixxit-bench-provisioning-{Guid.NewGuid():N}"[..36]);
try
{
    Console.Error.WriteLine($"sandbox up at {root} (slot {slot})");
    var info = await SandboxControl.UpAsync(new SandboxOptions { Root = root, Ports = SandboxPorts.ForSlot(slot) });

    // 1. Tree copy: the provisioner's rsync (declared exclusions) vs the plan's alternative, cp -a, of the same dev tree.
    if (!applyOnly) await TreeCopy.RunAsync(info, runs, table);

    // 2. Apply: first provisioning, then no-op re-applies (in process, counting SSH round trips, and as the CLI), then an update with one changed file.
    var roundTrips = 0;
    var provisioner = new Provisioner(ProvisionerOptions.ForSandbox(info.ClientKeyPath, info.CaRootCertificatePath) with
    {
        Log = line => { if (line.StartsWith("ssh ", StringComparison.Ordinal) || line.StartsWith("sftp ", StringComparison.Ordinal)) Interlocked.Increment(ref roundTrips); },
    });
    var first = await provisioner.ApplyAsync(info.Topology, "prod", ApplyOptions.Default, null, CancellationToken.None);
    if (!first.Succeeded) throw new InvalidOperationException(first.Summary);
    table.Add("apply prod: first provisioning (copy, render, DB seed, npm ci, start, verify via Caddy)", first.Duration.TotalMilliseconds);
    foreach (var step in first.Steps) table.Add($"  first apply step: {step.Step}", step.Duration.TotalMilliseconds);
    for (var i = 0; i < runs; i++)
    {
        roundTrips = 0;
        var again = await provisioner.ApplyAsync(info.Topology, "prod", ApplyOptions.Default, null, CancellationToken.None);
        if (again.Changed || !again.Succeeded) throw new InvalidOperationException("a re-apply was not a no-op: " + again.Summary);
        table.Add("apply prod: no-op re-apply in process (all Unchanged, no restart)", again.Duration.TotalMilliseconds, $"{roundTrips} SSH commands/transfers after connecting");
        foreach (var step in again.Steps) table.Add($"  no-op re-apply step: {step.Step}", step.Duration.TotalMilliseconds);
    }

    if (File.Exists(cli)) await CliReapply.RunAsync(root, cli, baselineCli, runs, table);
    else Console.Error.WriteLine($"no CLI at {cli}: build src/Fixxit.Cli -c Release (or pass --cli) to time the CLI");

    for (var i = 0; i < Math.Min(runs, 3); i++)
    {
        File.AppendAllText(info.Dev.PathOf("src/lib/constants.ts"), $"export const BENCH_{i} = {i};\n");
        var update = await provisioner.ApplyAsync(info.Topology, "prod", ApplyOptions.Default with { Update = true }, null, CancellationToken.None);
        if (!update.Succeeded) throw new InvalidOperationException(update.Summary);
        table.Add("apply prod --update: one changed file (snapshot, sync, restart, verify)", update.Duration.TotalMilliseconds);
    }

    // 3. DB snapshot of a ~200 MB live database while a writer commits: online backup vs cp.
    if (!applyOnly) await DatabaseCopy.RunAsync(Path.Combine(root, "db-bench"), dbMegabytes, Math.Min(runs, 3), table);
}
catch (Exception e) when (e is InvalidOperationException or SandboxException or IOException)
{
    Console.Error.WriteLine($"benchmark stopped: {e.Message}; partial results follow");
}
finally
{
    await SandboxControl.DownAsync(root);
    if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
}

var markdown = table.ToMarkdown($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores, runs={runs}, db={dbMegabytes} MB");
Console.WriteLine(markdown);
var results = Path.Combine(SandboxLayout.RepositoryRoot() ?? ".", "bench", "Fixxit.Bench.Provisioning", "results");
Directory.CreateDirectory(results);
File.WriteAllText(Path.Combine(results, $"provisioning-{DateTimeOffset.UtcNow:yyyyMMddTHHmmss}.md"), markdown);
return 0;

string? Text(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
