using Fixxit.Masking;
using Fixxit.Nightly.Alerts;
using Fixxit.Cli.Commands.Checklist;
using Fixxit.Nightly.Running;
using Fixxit.Nightly.Settings;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Readiness;
using Fixxit.Topologies;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Nightly;

/// <summary>
/// <c>fixxit nightly</c>: the prod-safe profile against the target (the sandbox by default), one retry of failed
/// scenarios in a fresh test host, the run recorded in the history, the alert policy applied, the history page and
/// badge rewritten; exits 0 when the run passed, 1 when it failed (docs/nightly.md).
/// </summary>
public sealed class NightlyCommand : AsyncCommand<NightlySettings>
{
    public const string ProductionRunsettings = "runsettings/nightly.runsettings";

    public override async Task<int> ExecuteAsync(CommandContext context, NightlySettings settings, CancellationToken cancellationToken)
    {
        var repo = SandboxLayout.RepositoryRoot()
            ?? throw new UserFacingException("fixxit nightly runs from a Fixxit.Verify checkout (no Fixxit.Verify.sln above the current folder)");
        var (config, source) = NightlyConfigLoader.Load(settings, repo);
        AnsiConsole.MarkupLine($"[grey]settings: {Markup.Escape(source)}; history: {Markup.Escape(config.HistoryDatabase)}; reports: {Markup.Escape(config.ReportsDirectory)}[/]");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        IReadOnlyList<IAlertChannel> channels;
        try
        {
            channels = AlertChannels.From(config, Environment.GetEnvironmentVariable, SecretMasker.Shared, http, source);
        }
        catch (NightlyConfigException e)
        {
            throw new UserFacingException(e.Message);
        }

        var (target, spec) = config.Topology == "fixxit"
            ? ("fixxit prod", Production(repo))
            : await SandboxAsync(repo, config, cancellationToken);

        var job = new NightlyJob(config, target, ChecklistRunSpec.ProdSafeFilter,
            (folder, filter, ct) => ChecklistProcess.RunAsync(spec, folder, filter, build: filter == ChecklistRunSpec.ProdSafeFilter, Grey, ct),
            channels, SecretMasker.Shared, line => AnsiConsole.MarkupLine($"[blue]nightly[/] {Markup.Escape(SecretMasker.Shared.Mask(line))}"));
        var outcome = await job.RunAsync(cancellationToken);

        var run = outcome.Run;
        foreach (var failed in run.Failed) AnsiConsole.MarkupLine($"  [red]✗[/] {Markup.Escape(failed.Line)} — {Markup.Escape(failed.FirstFailureLine ?? string.Empty)}");
        foreach (var flaky in run.Scenarios.Where(s => s.Flaky)) AnsiConsole.MarkupLine($"  [yellow]~[/] {Markup.Escape(flaky.Line)} (passed on retry: flaky)");
        AnsiConsole.MarkupLine($"{(run.Passed ? "[green]✓" : "[red]✗")} nightly {Markup.Escape(run.Verdict)}[/] on {Markup.Escape(target)} — run #{outcome.RunId}, report: {Markup.Escape(run.ReportFolder)}");
        AnsiConsole.MarkupLine($"  alert: {outcome.Alert}{string.Concat(outcome.Deliveries.Select(d => $"; {Markup.Escape(d.Channel)} {(d.Delivered ? "delivered" : "[red]NOT delivered[/]")}"))}");
        AnsiConsole.MarkupLine($"  history page: {Markup.Escape(outcome.HistoryPage)}; badge: {Markup.Escape(outcome.Badge)}");
        settings.Run.Report(new
        {
            passed = run.Passed,
            verdict = run.Verdict,
            target,
            runId = outcome.RunId,
            retried = outcome.Retried,
            reportFolder = run.ReportFolder,
            failed = run.Failed.Select(f => new { line = f.Line, cause = f.FirstFailureLine }),
            flaky = run.Scenarios.Where(s => s.Flaky).Select(s => s.Line),
            alert = outcome.Alert.ToString(),
            deliveries = outcome.Deliveries,
            historyPage = outcome.HistoryPage,
            badge = outcome.Badge,
        });
        foreach (var failed in run.Failed) settings.Run.Error("CheckFailed", $"{failed.Line}: {failed.FirstFailureLine}");
        return run.Passed ? ExitCodes.Ok : ExitCodes.ProblemsFound;
    }

    /// <summary>The real server, read-only: nightly.runsettings (its own prod-safe filter and secret variables); nothing is prepared.</summary>
    private static ChecklistRunSpec Production(string repo) => new(
        repo, ProductionRunsettings, ChecklistRunSpec.ProdSafeFilter,
        new Dictionary<string, string>(), new Dictionary<string, string>(), Label: "nightly");

    /// <summary>The sandbox: up if it is down, prod provisioned only if missing (a nightly verifies; it does not deploy).</summary>
    private static async Task<(string, ChecklistRunSpec)> SandboxAsync(string repo, NightlyConfig config, CancellationToken cancellationToken)
    {
        var root = SandboxLayout.Resolve(config.SandboxRoot).Root;
        var ports = SandboxPorts.ForSlot(config.Slot);
        var ready = await SandboxReadiness.PrepareAsync(new ReadinessOptions
        {
            Root = root,
            Ports = ports,
            Provision = ProdProvisioning.IfMissing,
            Actor = "fixxit nightly",
            Log = Grey,
        }, cancellationToken);
        // A target that could not be made ready is still verified: the checklist's failures are the run's record.
        if (!ready.Ready) AnsiConsole.MarkupLine("[yellow]  sandbox prod is not ready; the checklist will say what is wrong[/]");

        var parameters = new Dictionary<string, string>
        {
            ["SandboxRoot"] = root,
            ["SandboxSlot"] = config.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TargetPrepared"] = "true",
            ["Profile"] = "nightly (prod-safe, sandbox)",
        };
        return ($"sandbox prod (slot {config.Slot})", new ChecklistRunSpec(
            repo, ChecklistRunSpec.SandboxRunsettings, ChecklistRunSpec.ProdSafeFilter, parameters,
            new Dictionary<string, string> { ["FIXXIT_SANDBOX_ROOT"] = root }, Label: "nightly"));
    }

    private static void Grey(string line) => AnsiConsole.MarkupLine($"[grey]  · {Markup.Escape(SecretMasker.Shared.Mask(line))}[/]");
}
