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
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, Run> Runs = [];
    private static bool _built;

    public static Task<Run> FullAsync() => GetAsync(null);

    public static Task<Run> FilteredAsync(string filter) => GetAsync(filter);

    public static IEnumerable<string> Folders => Runs.Values.Select(r => r.Folder);

    private static async Task<Run> GetAsync(string? filter)
    {
        await Gate.WaitAsync();
        try
        {
            var key = filter ?? "all";
            if (Runs.TryGetValue(key, out var cached)) return cached;
            await EnsureBuiltAsync();
            var arguments = new List<string> { "test", RepositoryPaths.SamplesProject, "--no-build" };
            if (filter is not null) arguments.AddRange(["--filter", filter]);
            var environment = new Dictionary<string, string> { ["FIXXIT_SAMPLE_SECRET"] = Secret };
            var result = await DotnetProcess.RunAsync(environment, Timeout, [.. arguments]);
            var trx = ResultsFile().Match(result.Output);
            if (!trx.Success) throw new AssertionException("The sample run printed no TRX path:\n" + result.Output);
            var run = new Run(key, result.ExitCode, result.Output, Path.GetDirectoryName(trx.Groups[1].Value.Trim())!);
            Runs[key] = run;
            return run;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task EnsureBuiltAsync()
    {
        if (_built) return;
        var build = await DotnetProcess.RunAsync(new Dictionary<string, string>(), Timeout, "build", RepositoryPaths.SamplesProject, "-v", "q");
        if (build.ExitCode != 0) throw new AssertionException("The sample project does not build:\n" + build.Output);
        _built = true;
    }

    [GeneratedRegex(@"Results File: (.*report\.trx)")]
    private static partial Regex ResultsFile();
}
