using Fixxit.Cli.Commands.Provisioning;
using Fixxit.EnvConfig.Validation;
using Fixxit.Masking;
using Fixxit.Provisioning;
using Fixxit.Remote;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Readiness;
using Fixxit.Topologies;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Gate;

/// <summary>
/// <c>fixxit gate</c>, the main job on the sandbox: validate the declared topologies, get the sandbox ready without
/// repairing it (only its host is started; see <see cref="SandboxReadiness"/>), provision prod from dev unless skipped, run the deployment gate (the checklist features through <c>dotnet test</c>), and point at the report.
/// </summary>
public sealed class GateCommand : AsyncCommand<GateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GateSettings settings, CancellationToken cancellationToken)
    {
        var repo = SandboxLayout.RepositoryRoot()
            ?? throw new UserFacingException("fixxit gate runs from a Fixxit.Verify checkout (no Fixxit.Verify.sln above the current folder)");

        AnsiConsole.Write(new Rule("[bold]1. Validate the declared topologies[/]").LeftJustified());
        var problems = TopologyValidator.Validate(FixxitTopology.Real);
        foreach (var p in problems) Problem(settings.Run, p);
        if (problems.Count > 0) return ExitCodes.ProblemsFound;
        AnsiConsole.MarkupLine("  [green]✓[/] fixxit topology: FIX001-FIX008 clean");

        AnsiConsole.Write(new Rule($"[bold]2. Sandbox host (the deployment is judged as found){(settings.SkipApply ? string.Empty : ", provision prod from dev")}[/]").LeftJustified());
        // The one way to get the sandbox ready, shared with the checklist's hooks; the checklist is told it is done.
        ReadinessResult ready;
        try
        {
            ready = await SandboxReadiness.PrepareAsync(new ReadinessOptions
            {
                Root = SandboxLayout.Resolve(settings.Root).Root,
                Ports = settings.Ports(),
                Provision = settings.SkipApply ? ProdProvisioning.Never : ProdProvisioning.Always,
                Log = Grey,
                Progress = new StepLines(Grey),
            }, cancellationToken);
        }
        catch (SshConnectException e) when (e.Failure == SshFailure.HostKeyMismatch)
        {
            // The host is not the one pinned: nothing was run on it, and the gate fails with OpenSSH's warning first.
            throw new UserFacingException(e.Message, ExitCodes.ProblemsFound);
        }

        var info = ready.Info;
        var sandboxProblems = TopologyValidator.Validate(info.Topology);
        foreach (var p in sandboxProblems) Problem(settings.Run, p);
        if (sandboxProblems.Count > 0) return ExitCodes.ProblemsFound;
        AnsiConsole.MarkupLine($"  [green]✓[/] sandbox at {Markup.Escape(info.Root)}");
        foreach (var result in new[] { ready.Applied, ready.BackedUp }.OfType<ProvisionResult>())
        {
            foreach (var step in result.Steps) ShowStep(step);
            if (!result.Succeeded)
            {
                AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(result.Operation.ToString().ToLowerInvariant())} failed at {Markup.Escape(result.FailedStep ?? "?")}[/]{(result.RolledBack ? " (rolled back)" : string.Empty)}");
                ResultOutput.Report(settings.Run, result);
                return result.Failure == FailureKind.Locked ? ExitCodes.Locked : ExitCodes.StepFailed;
            }
        }

        AnsiConsole.Write(new Rule("[bold]3. Deployment gate[/]").LeftJustified());
        var run = await GateRunner.RunAsync(repo, info.Root, settings.Filter, cancellationToken);
        var failures = FailureSummary.Read(run.ResultsDirectory);
        var tally = FailureSummary.Count(run.ResultsDirectory);
        settings.Run.Report(new
        {
            passed = run.Passed,
            outcome = run.Outcome.ToString(),
            problem = run.Problem,
            total = tally.Total,
            passedCount = tally.Passed,
            failedCount = tally.Failed,
            skippedCount = tally.Skipped,
            failures = failures.Select(f => new { scenario = f.Scenario, cause = f.Cause }),
            reportPath = run.ReportPath,
            resultsDirectory = run.ResultsDirectory,
            sandboxRoot = info.Root,
        });
        foreach (var failure in failures) settings.Run.Error("GateFailed", $"{failure.Scenario}: {failure.Cause}");
        if (run.Problem is { } problem)
        {
            settings.Run.Error(run.Outcome.ToString(), problem);
            AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(problem)}[/]");
        }

        if (failures.Count > 0) AnsiConsole.Write(new Rule($"[bold red]{failures.Count} failed: the cause of each[/]").LeftJustified());
        foreach (var failure in failures)
        {
            AnsiConsole.MarkupLine($"  [red]✗[/] {Markup.Escape(SecretMasker.Shared.Mask(failure.Cause))}");
            AnsiConsole.MarkupLine($"    [grey]{Markup.Escape(failure.Scenario)}[/]");
        }

        AnsiConsole.MarkupLine(run.Passed
            ? $"[green]✓ gate passed[/] — report: {Markup.Escape(run.ReportPath ?? run.ResultsDirectory)}"
            : $"[red]✗ gate failed[/] — report: {Markup.Escape(run.ReportPath ?? run.ResultsDirectory)}");

        if (settings.Down) await Fixxit.Sandbox.SandboxControl.DownAsync(info.Root, Grey, cancellationToken);
        return run.ExitCode;
    }

    private static void Problem(CliRun run, Fixxit.EnvConfig.Validation.ConfigProblem p)
    {
        AnsiConsole.MarkupLine($"  [red]{p.Id}[/] {Markup.Escape(p.ToString())}");
        run.Error(new CliError(p.Id, p.ToString()) { Setting = p.Setting });
    }

    private static void Grey(string line) => AnsiConsole.MarkupLine($"[grey]  · {Markup.Escape(SecretMasker.Shared.Mask(line))}[/]");

    private static void ShowStep(StepResult step)
    {
        var mark = step.Status switch
        {
            StepStatus.Changed => "[yellow]~[/]",
            StepStatus.Unchanged => "[green]=[/]",
            StepStatus.Skipped => "[grey]-[/]",
            _ => "[red]✗[/]",
        };
        AnsiConsole.MarkupLine($"  {mark} {Markup.Escape(step.Step)}: {Markup.Escape(SecretMasker.Shared.Mask(step.Message))}");
    }
}
