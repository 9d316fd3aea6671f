using System.Globalization;
using Fixxit.Bench.Analyzers;

// Usage: dotnet run -c Release --project bench/Fixxit.Bench.Analyzers [-- --runs 9 --msbuild-runs 3]
var runs = Option("--runs", 9);
var msbuildRuns = Option("--msbuild-runs", 3);
var root = FindRepositoryRoot();
var scenarios = new List<(string Name, IReadOnlyList<(string Path, string Text)> Sources)>
{
    ("Fixxit.Topologies", Directory.GetFiles(Path.Combine(root, "src", "Fixxit.Topologies"), "*.cs").Order(StringComparer.Ordinal).Select(p => (Path.GetFileName(p), File.ReadAllText(p))).ToList()),
    ("Generated, 200 environments", TopologyGenerator.Generate(pairs: 100, files: 10)),
};

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine($"In process, warm, CPU time (median of {runs} after 3 warm-up runs); load average at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine();
Console.WriteLine("| scenario | files | compile | SDK analyzers | SDK + Fixxit | Fixxit marginal (share of build) | Fixxit alone | empty-callback baseline | Fixxit rules (share of build) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (name, sources) in scenarios)
{
    var r = InProcessMeasurement.Run(name, sources, warmup: 3, runs);
    Console.WriteLine(FormattableString.Invariant(
        $"| {r.Scenario} | {r.Files} | {r.CompileMs:F0} ms | {r.SdkMs:F0} ms | {r.SdkPlusFixxitMs:F0} ms | {r.MarginalMs:F0} ms ({r.MarginalShare:P1}) | {r.AloneMs:F0} ms | {r.BaselineMs:F0} ms | {r.RulesMs:F0} ms ({r.RulesShare:P1}) |"));
}

if (msbuildRuns > 0)
{
    Console.WriteLine();
    Console.WriteLine($"dotnet build -p:ReportAnalyzer=true, cold compiler process (median of {msbuildRuns}):");
    Console.WriteLine();
    Console.WriteLine("| scenario | files | Csc task ms | Fixxit analyzers ms | all analyzers ms | Fixxit share of Csc |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var (name, sources) in scenarios)
    {
        var r = MsBuildMeasurement.Run(name, sources, msbuildRuns);
        Console.WriteLine(FormattableString.Invariant($"| {r.Scenario} | {r.Files} | {r.CscMs:F0} | {r.FixxitMs:F0} | {r.AllAnalyzersMs:F0} | {r.Share:P1} |"));
    }
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Fixxit.Verify.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("run from inside the repository");
}
