using System.Reflection;
using Fixxit.Gherkin.NUnit.Checklists;
using NUnit.Framework;
using Reqnroll;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// The once-per-run part of the bridge, called by the generated [SetUpFixture]: telemetry off, console masked, the
/// Reqnroll html and message formatters pointed at this run's folder; at the end the reports are masked and given the
/// run header.
/// </summary>
public static class GherkinTestRun
{
    public const string HtmlFileName = "report.html";
    public const string MessagesFileName = "report.ndjson";

    /// <summary>This run's report folder; null before the run starts.</summary>
    public static string? ReportDirectory { get; private set; }

    /// <summary>The project's checklist (build property FixxitChecklist), which the report opens on; null when none.</summary>
    private static ChecklistDefinition? _checklist;

    public static async Task StartAsync(Assembly testAssembly)
    {
        Environment.SetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED", "0");
        ConsoleMasking.Install();
        RunHeader.Current.MarkStarted(DateTimeOffset.Now);
        ReportDirectory = ReportFolder.Resolve(RunHeader.Current.StartedAt!.Value);
        Directory.CreateDirectory(ReportDirectory);
        // The key=value variables win over reqnroll.json, so the paths are always this run's folder.
        Environment.SetEnvironmentVariable("REQNROLL_FORMATTERS_HTML", "outputFilePath=" + Path.Combine(ReportDirectory, HtmlFileName));
        Environment.SetEnvironmentVariable("REQNROLL_FORMATTERS_MESSAGE", "outputFilePath=" + Path.Combine(ReportDirectory, MessagesFileName));
        try
        {
            _checklist = ChecklistResource.Load(testAssembly);
        }
        catch (FormatException exception)
        {
            // A malformed checklist file is bad input: the run stops before any scenario, naming its file and line.
            RunTally.RecordHookFailure("checklist", exception);
            throw OutcomeTranslator.ToNUnit(exception);
        }

        try
        {
            await TestRunnerManager.OnTestRunStartAsync(testAssembly);
        }
        catch (Exception exception)
        {
            // A failing [BeforeTestRun] hook fails every test with this message: mask it like any other.
            RunTally.RecordHookFailure("[BeforeTestRun]", exception);
            throw OutcomeTranslator.ToNUnit(exception);
        }
    }

    public static async Task EndAsync(Assembly testAssembly)
    {
        Exception? failure = null;
        try
        {
            await TestRunnerManager.OnTestRunEndAsync(testAssembly);
        }
        catch (Exception exception)
        {
            // An [AfterTestRun] hook failed; the reports are still finished and masked below.
            failure = exception;
            RunTally.RecordHookFailure("[AfterTestRun]", exception);
        }

        RunHeader.Current.MarkFinished(DateTimeOffset.Now, RunTally.Passed, RunTally.Failed, RunTally.Skipped, RunTally.Failures, RunTally.HookFailed);
        if (ReportDirectory is not null)
        {
            ReportPostProcessor.Process(ReportDirectory, RunHeader.Current, _checklist);
            TestContext.Progress.WriteLine("Gherkin report: " + Path.Combine(ReportDirectory, HtmlFileName));
        }

        if (failure is not null) throw OutcomeTranslator.ToNUnit(failure);
    }
}
