using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>
/// Builds specs/Fixxit.Gherkin.Samples once and runs it with `dotnet test` three times (everything, and two category
/// filters), as a user would. Runs are shared by all integration specs and their result folders removed at the end.
/// </summary>
internal static partial class SampleRuns
{
    public sealed record Run(string Label, int ExitCode, string Output, string Folder)
    {
        public string File(string name) => Path.Combine(Folder, name);

        public TrxReport Trx => TrxReport.Load(File("report.trx"));

        public MessagesReport Messages => MessagesReport.Load(File("report.ndjson"));
    }

    /// <summary>A fresh secret per spec run; the samples register it and try to leak it everywhere.</summary>
    public static string Secret { get; } = "smpl-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public const string SecretMask = "***sample-secret***";
    public const string ProdSafeFilter = "Category=prod-safe";
    public const string RulesOrCalculatorFilter = "Category=rules|Category=calculator";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<Task<Dictionary<string, Run>>> All = new(RunAllAsync);
    private static readonly string?[] Filters = [null, ProdSafeFilter, RulesOrCalculatorFilter];

    public static async Task<Run> FullAsync() => (await All.Value)["all"];

    public static async Task<Run> FilteredAsync(string filter) => (await All.Value)[filter];

    public static IEnumerable<string> Folders =>
        All.IsValueCreated && All.Value.IsCompletedSuccessfully ? All.Value.Result.Values.Select(r => r.Folder) : [];

    /// <summary>
    /// One build, then the three runs side by side (each writes its own result folder). The build leaves the referenced
    /// projects alone: building these specs built them already, and other spec projects may be using their outputs.
    /// </summary>
    private static async Task<Dictionary<string, Run>> RunAllAsync()
    {
        var build = await DotnetProcess.RunAsync(new Dictionary<string, string>(), Timeout, "build", RepositoryPaths.SamplesProject, "--no-dependencies", "-v", "q");
        if (build.ExitCode != 0) throw new AssertionException("The sample project does not build:\n" + build.Output);
        var runs = await Task.WhenAll(Filters.Select(TestAsync));
        return runs.ToDictionary(r => r.Label);
    }

    private static async Task<Run> TestAsync(string? filter)
    {
        var arguments = new List<string> { "test", RepositoryPaths.SamplesProject, "--no-build" };
        if (filter is not null) arguments.AddRange(["--filter", filter]);
        var environment = new Dictionary<string, string> { ["FIXXIT_SAMPLE_SECRET"] = Secret };
        var result = await DotnetProcess.RunAsync(environment, Timeout, [.. arguments]);
        var trx = ResultsFile().Match(result.Output);
        if (!trx.Success) throw new AssertionException("The sample run printed no TRX path:\n" + result.Output);
        return new Run(filter ?? "all", result.ExitCode, result.Output, Path.GetDirectoryName(trx.Groups[1].Value.Trim())!);
    }

    [GeneratedRegex(@"Results File: (.*report\.trx)")]
    private static partial Regex ResultsFile();
}
