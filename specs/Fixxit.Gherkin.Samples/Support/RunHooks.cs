using Fixxit.Gherkin.NUnit;
using Fixxit.Masking;
using Reqnroll;

namespace Fixxit.Gherkin.Samples.Support;

/// <summary>Test-run and @hooks hooks: fill the run header, register the secret, record the hook order.</summary>
[Binding]
public sealed class RunHooks
{
    [BeforeTestRun]
    public static void BeforeTestRun()
    {
        SecretMasker.Shared.Register(SampleSecret.Value, SampleSecret.Label);
        RunHeader.Current.Title = "Fixxit.Gherkin samples";
        RunHeader.Current.TargetEnvironment = "samples (in-process)";
        RunHeader.Current.AppVersion = "1.2.3-samples";
        RunHeader.Current.Set("Secret probe", "token " + SampleSecret.Value);
        // The specs start this run without the variable: the bridge must have switched telemetry off itself.
        RunHeader.Current.Set("Reqnroll telemetry", Environment.GetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED") == "0" ? "off" : "ON");
        HookLog.Add("BeforeTestRun");
    }

    [AfterTestRun]
    public static void AfterTestRun()
    {
        HookLog.Add("AfterTestRun");
        if (GherkinTestRun.ReportDirectory is { } folder)
        {
            File.WriteAllLines(Path.Combine(folder, HookLog.FileName), HookLog.Snapshot());
        }
    }

    [BeforeFeature("hooks")]
    public static void BeforeFeature() => HookLog.Add("BeforeFeature");

    [AfterFeature("hooks")]
    public static void AfterFeature() => HookLog.Add("AfterFeature");

    [BeforeScenario("hooks")]
    public static void BeforeScenario() => HookLog.Add("BeforeScenario");

    [AfterScenario("hooks")]
    public static void AfterScenario() => HookLog.Add("AfterScenario");

    [BeforeStep("hooks")]
    public static void BeforeStep() => HookLog.Add("BeforeStep");

    [AfterStep("hooks")]
    public static void AfterStep() => HookLog.Add("AfterStep");
}
