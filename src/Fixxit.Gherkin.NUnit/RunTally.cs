using System.Collections.Concurrent;
using Fixxit.Gherkin.Compilation;
using NUnit.Framework;

namespace Fixxit.Gherkin.NUnit;

/// <summary>Counts scenario outcomes of this run for the run header's verdict.</summary>
internal static class RunTally
{
    private static int _passed;
    private static int _failed;
    private static int _skipped;
    private static readonly ConcurrentQueue<string> FailedNames = new();

    public static int Passed => _passed;
    public static int Failed => _failed;
    public static int Skipped => _skipped;
    public static IReadOnlyCollection<string> Failures => FailedNames.ToArray();

    /// <summary>True once a test-run or feature hook failed: then no scenario can be trusted, whatever passed.</summary>
    public static bool HookFailed { get; private set; }

    public static void RecordHookFailure(string where, Exception failure)
    {
        HookFailed = true;
        FailedNames.Enqueue($"{where}: {Fixxit.Masking.SecretMasker.Shared.Mask(failure.Message)}");
    }

    public static void Record(GherkinFeature feature, ScenarioCase scenario, Exception? failure)
    {
        switch (failure)
        {
            case null when scenario.AllTags.Contains("ignore", StringComparer.OrdinalIgnoreCase):
            case IgnoreException:
                Interlocked.Increment(ref _skipped);
                break;
            case null:
                Interlocked.Increment(ref _passed);
                break;
            default:
                Interlocked.Increment(ref _failed);
                FailedNames.Enqueue($"{feature.Compiled.Feature.Name}: {scenario.Pickle.Name} ({feature.RelativePath}:{scenario.Line})");
                break;
        }
    }
}
