using Fixxit.Masking;
using Fixxit.Provisioning;
using Spectre.Console;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary>Human output (a live status per step, one line per finished step, a summary), the result for the --json envelope, and the exit code.</summary>
public static class ResultOutput
{
    /// <summary>Runs <paramref name="run"/> with progress on the console (or silently for JSON), prints the result, returns the exit code.</summary>
    public static async Task<int> RunAsync(ProvisionSettings settings, Func<IProgress<StepEvent>?, Task<ProvisionResult>> run, bool alwaysDetails = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(run);
        ProvisionResult result;
        if (settings.Json)
        {
            result = await run(null);
            Report(settings.Run, result);
            return ExitCode(result);
        }

        result = await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync("connecting…", async status =>
        {
            var progress = new SynchronousProgress(e =>
            {
                if (e.Phase == StepPhase.Started) status.Status(Markup.Escape(e.Title) + "…");
                else if (e.Result is { Inspection: false } step) WriteStep(step, settings.Verbose || alwaysDetails);
            });
            return await run(progress);
        });

        var color = result.Succeeded ? "green" : "red";
        AnsiConsole.MarkupLine($"[{color}]{(result.Succeeded ? "✓" : "✗")}[/] {Markup.Escape(SecretMasker.Shared.Mask(result.Summary))} [grey]({result.Duration.TotalSeconds:0.0} s, run {result.RunId[..8]})[/]");
        if (!result.Succeeded && !(settings.Verbose || alwaysDetails) && result.FailedStep is { } failed && result.Steps.LastOrDefault(s => s.Step == failed) is { Details.Count: > 0 } step)
        {
            foreach (var line in step.Details.Where(d => d.StartsWith("FAIL", StringComparison.Ordinal))) AnsiConsole.MarkupLine($"    [red]{Markup.Escape(line)}[/]");
        }

        Report(settings.Run, result);
        return ExitCode(result);
    }

    /// <summary>The result as the envelope's data (steps, snapshot, releases, lock), and its failure as the envelope's error.</summary>
    public static void Report(CliRun run, ProvisionResult result)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        run.Report(result);
        if (!result.Succeeded) run.Error(result.Failure.ToString(), result.Summary);
    }

    public static int ExitCode(ProvisionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Failure switch
        {
            FailureKind.None => ExitCodes.Ok,
            FailureKind.ProblemsFound => ExitCodes.ProblemsFound,
            FailureKind.BadInput => ExitCodes.BadInput,
            FailureKind.Unreachable => ExitCodes.Unreachable,
            FailureKind.Locked => ExitCodes.Locked,
            FailureKind.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.StepFailed,
        };
    }

    private static void WriteStep(StepResult step, bool verbose)
    {
        var mark = step.Status switch
        {
            StepStatus.Changed => "[yellow]~ changed  [/]",
            StepStatus.Unchanged => "[green]= unchanged[/]",
            StepStatus.Skipped => "[grey]- skipped  [/]",
            _ => "[red]✗ FAILED   [/]",
        };
        AnsiConsole.MarkupLine($"  {mark} [bold]{Markup.Escape(step.Step),-13}[/] {Markup.Escape(step.Message)} [grey]{step.Duration.TotalSeconds:0.00}s[/]");
        if (!verbose) return;
        foreach (var line in step.Details) AnsiConsole.MarkupLine($"      [grey]{Markup.Escape(line)}[/]");
    }

    /// <summary>Progress that reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress(Action<StepEvent> report) : IProgress<StepEvent>
    {
        public void Report(StepEvent value) => report(value);
    }
}
