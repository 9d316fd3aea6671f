using System.Globalization;
using System.Text;
using Fixxit.Bench.Gate;
using Fixxit.Provisioning;
using Fixxit.Sandbox;
using Fixxit.Topologies;

// Usage: dotnet run --project bench/Fixxit.Bench.Gate -c Release -- [repeats=2]
// Brings up its own sandbox (slot 4, temporary root), provisions prod and a backup, then times the full gate (the
// features project, already built in the same configuration) with 1 worker and with one worker per core, `repeats`
// times each, alternating. Writes a Markdown summary to bench/Fixxit.Bench.Gate/results/ and prints it.
const int Slot = 4;
var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2;
var repository = SandboxLayout.RepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("run from inside the repository");
var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
var root = Path.Combine(Path.GetTempPath(), "fixxit-bench-gate-" + Guid.NewGuid().ToString("N")[..8]);
var results = Path.Combine(repository, "bench", "Fixxit.Bench.Gate", "results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(results);
var cores = Environment.ProcessorCount;

try
{
    var up = System.Diagnostics.Stopwatch.StartNew();
    var info = await SandboxControl.UpAsync(new SandboxOptions { Root = root, Ports = SandboxPorts.ForSlot(Slot) });
    var sandboxUp = up.Elapsed;
    var provisioner = new Provisioner(ProvisionerOptions.ForSandbox(info.ClientKeyPath, info.CaRootCertificatePath));
    var apply = await provisioner.ApplyAsync(info.Topology, "prod", ApplyOptions.Default, null, CancellationToken.None);
    if (!apply.Succeeded) throw new InvalidOperationException(apply.Summary);
    await provisioner.BackupAsync(info.Topology, "prod", BackupOptions.Default, null, CancellationToken.None);
    var prepared = up.Elapsed;
    Console.WriteLine($"sandbox up {sandboxUp.TotalSeconds:0.0} s, provisioned + backed up at {prepared.TotalSeconds:0.0} s");

    var runs = new List<GateRun>();
    for (var i = 0; i < repeats; i++)
    {
        foreach (var workers in new[] { 1, cores })
        {
            var run = await GateRun.RunAsync(repository, configuration, root, Slot, workers, Path.Combine(results, $"w{workers}-{i + 1}"));
            Console.WriteLine($"workers {workers}: {run.Wall.TotalSeconds:0.0} s, exit {run.ExitCode}, {run.Scenarios.Count(s => s.Outcome == "Passed")}/{run.Scenarios.Count} passed");
            runs.Add(run);
        }
    }

    var md = new StringBuilder();
    md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {cores} cores, {Environment.OSVersion}, .NET {Environment.Version}; configuration {configuration}; {repeats} runs per worker count.");
    md.AppendLine(CultureInfo.InvariantCulture, $"Sandbox up (cold, own root): {sandboxUp.TotalSeconds:0.0} s; + apply prod + backup: {prepared.TotalSeconds:0.0} s.").AppendLine();
    md.AppendLine("| workers | wall time per run (s) | median (s) | scenarios passed |").AppendLine("|---|---|---|---|");
    foreach (var group in runs.GroupBy(r => r.Workers))
    {
        var walls = group.Select(r => r.Wall.TotalSeconds).Order().ToList();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {group.Key} | {string.Join(", ", group.Select(r => r.Wall.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))} | {walls[walls.Count / 2]:0.0} | {string.Join(", ", group.Select(r => $"{r.Scenarios.Count(s => s.Outcome == "Passed")}/{r.Scenarios.Count}"))} |");
    }

    md.AppendLine().AppendLine("Per scenario (mean over the 1-worker runs, slowest first):").AppendLine().AppendLine("| scenario | mean (s) |").AppendLine("|---|---|");
    foreach (var scenario in runs.Where(r => r.Workers == 1).SelectMany(r => r.Scenarios).GroupBy(s => s.Name)
                 .Select(g => (Name: g.Key, Mean: g.Average(s => s.Duration.TotalSeconds))).OrderByDescending(s => s.Mean))
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"| {scenario.Name} | {scenario.Mean:0.00} |");
    }

    await File.WriteAllTextAsync(Path.Combine(results, "summary.md"), md.ToString());
    Console.WriteLine(md);
    return runs.All(r => r.ExitCode == 0) ? 0 : 1;
}
finally
{
    await SandboxControl.DownAsync(root);
    if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
}
