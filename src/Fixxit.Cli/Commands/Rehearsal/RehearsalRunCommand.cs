using Fixxit.Cli.Commands.Checklist;
using Fixxit.Rehearsal;
using Fixxit.Sandbox;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary>
/// <c>fixxit rehearsal run</c>, the dress rehearsal: bring the replica up, then — inside its namespaces, with only the
/// variables a user exports — validate and <c>fixxit deploy prod --topology fixxit</c>: prod provisioned from dev,
/// backed up, judged by the production gate with <c>runsettings/prod.runsettings</c>, recorded as a verified release
/// (or rolled back); point at the report; then take the replica down.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RehearsalRunCommand : AsyncCommand<RehearsalRunSettings>
{
    public const string ProdRunSettings = "runsettings/prod.runsettings";

    public override Task<int> ExecuteAsync(CommandContext context, RehearsalRunSettings settings, CancellationToken cancellationToken) =>
        RehearsalErrors.RunAsync(async () =>
        {
            var repo = SandboxLayout.RepositoryRoot()
                ?? throw new UserFacingException("fixxit rehearsal run runs from a Fixxit.Verify checkout (no Fixxit.Verify.sln above the current folder)");
            if (!File.Exists(Path.Combine(repo, settings.RunSettings))) throw new UserFacingException($"--settings {settings.RunSettings}: no such file in {repo}");

            Title("0. Build the checklist (outside: the replica has no network)");
            // Without build servers: a reused MSBuild node or compiler server would inherit and hold our output pipe open.
            var built = await InsideProcess.RunLocalAsync("dotnet", ["build", ChecklistRunSpec.FeaturesProject, "-v", "q", "-nologo", "--disable-build-servers"], repo, cancellationToken);
            if (built != 0) return Fail("building the checklist failed", ExitCodes.StepFailed);

            Title("1. Rehearsal host up (always fresh: new keys, new ACME root, no tree of an earlier run)");
            await RehearsalHost.DownAsync(settings.Root, RehearsalUpCommand.Step, cancellationToken);
            var info = await RehearsalHost.UpAsync(new RehearsalOptions { Root = settings.Root, SelfCommand = SelfCommand.Get(), Log = RehearsalUpCommand.Step }, cancellationToken);
            RehearsalStatusCommand.Show(info);
            var environment = RehearsalEnvironment.Connection(info).Concat(RehearsalEnvironment.Accounts(info)).Concat(RehearsalEnvironment.ClientHome(info)).ToList();
            var self = SelfCommand.Get();
            try
            {
                Title("2. fixxit validate --topology fixxit");
                var validated = await InsideProcess.RunAsync(info.HolderPid, [.. self, "validate", "--topology", "fixxit"], repo, environment, cancellationToken);
                if (validated != 0) return Fail($"fixxit validate failed (exit {validated})", validated);

                // One command from here, as a user deploys: plan, apply (prod provisioned from dev), a backup, the gate
                // with the chosen profile (the checklist run by the CLI inside the replica), a verified release — or
                // the rollback to the release before, proved by a smoke run.
                var deploy = DeployArguments(settings);
                Title($"3. fixxit {string.Join(' ', deploy)}");
                var started = DateTime.UtcNow;
                var code = await InsideProcess.RunAsync(info.HolderPid, [.. self, .. deploy], repo, environment, cancellationToken);
                var report = ReportsSince(repo, started).FirstOrDefault();
                AnsiConsole.MarkupLine(code == 0
                    ? $"[green]✓ rehearsal passed: prod deployed and verified by the gate[/] — report: {Markup.Escape(report ?? "(none written)")}"
                    : $"[red]✗ rehearsal failed: deploy exited {code}[/] — report: {Markup.Escape(report ?? "(none written)")}");
                settings.Run.Report(new { passed = code == 0, deployExitCode = code, reportPath = report });
                return code;
            }
            finally
            {
                if (!settings.Keep)
                {
                    Title("4. Rehearsal host down");
                    await RehearsalHost.DownAsync(settings.Root, RehearsalUpCommand.Step, CancellationToken.None);
                }
            }
        });

    /// <summary>The deploy the rehearsal runs inside: the real topology, no question asked, the checklist built outside.</summary>
    public static IReadOnlyList<string> DeployArguments(RehearsalRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        List<string> arguments = ["deploy", "prod", "--topology", "fixxit", "--yes", "--no-build", "--settings", settings.RunSettings];
        if (settings.Filter is { Length: > 0 } filter) arguments.AddRange(["--filter", filter]);
        return arguments;
    }

    /// <summary>The report pages the deploy wrote (its gate's first, then a smoke run's), newest folder last.</summary>
    private static IEnumerable<string> ReportsSince(string repo, DateTime started)
    {
        var results = Path.Combine(repo, "TestResults");
        if (!Directory.Exists(results)) return [];
        return Directory.EnumerateDirectories(results, "*-deploy*")
            .Where(d => Directory.GetCreationTimeUtc(d) >= started.AddSeconds(-1))
            .Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.EnumerateFiles(d, "report.html", SearchOption.AllDirectories));
    }

    private static void Title(string text) => AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(text)}[/]").LeftJustified());

    private static int Fail(string message, int code)
    {
        AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(message)}[/]");
        return code;
    }
}
