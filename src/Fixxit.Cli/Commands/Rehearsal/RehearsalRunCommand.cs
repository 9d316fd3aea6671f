using Fixxit.Cli.Commands.Checklist;
using Fixxit.Rehearsal;
using Fixxit.Sandbox;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary>
/// <c>fixxit rehearsal run</c>, the dress rehearsal: bring the replica up, then — inside its namespaces, with only the
/// variables a user exports — validate, provision prod from dev with the real topology, back it up, run the production
/// gate with <c>runsettings/prod.runsettings</c>, and point at the report; then take the replica down.
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
            var profile = Path.GetFileNameWithoutExtension(settings.RunSettings);
            var results = Path.Combine(repo, "TestResults", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-rehearsal{(profile == "prod" ? string.Empty : "-" + profile)}");

            Title("0. Build the checklist (outside: the replica has no network)");
            // Without build servers: a reused MSBuild node or compiler server would inherit and hold our output pipe open.
            var built = await InsideProcess.RunLocalAsync("dotnet", ["build", ChecklistRunSpec.FeaturesProject, "-v", "q", "-nologo", "--disable-build-servers"], repo, cancellationToken);
            if (built != 0) return Fail("building the checklist failed", ExitCodes.StepFailed);

            Title("1. Rehearsal host up (always fresh: new keys, new ACME root, no tree of an earlier run)");
            await RehearsalHost.DownAsync(settings.Root, RehearsalUpCommand.Step, cancellationToken);
            var info = await RehearsalHost.UpAsync(new RehearsalOptions { Root = settings.Root, SelfCommand = SelfCommand.Get(), Log = RehearsalUpCommand.Step }, cancellationToken);
            RehearsalStatusCommand.Show(info);
            var environment = RehearsalEnvironment.Connection(info).Concat(RehearsalEnvironment.Accounts(info)).Concat(ClientHome(info)).ToList();
            var self = SelfCommand.Get();
            try
            {
                foreach (var (title, verb) in new (string, string[])[]
                {
                    ("2. fixxit validate --topology fixxit", ["validate", "--topology", "fixxit"]),
                    ("3. fixxit apply prod --topology fixxit (provision prod from dev)", ["apply", "prod", "--topology", "fixxit", "--yes"]),
                    ("4. fixxit backup prod --topology fixxit", ["backup", "prod", "--topology", "fixxit"]),
                })
                {
                    Title(title);
                    var code = await InsideProcess.RunAsync(info.HolderPid, [.. self, .. verb], repo, environment, cancellationToken);
                    if (code != 0) return Fail($"{title} failed (exit {code})", code);
                }

                Title($"5. The checklist: dotnet test features --settings {settings.RunSettings}");
                // The same command line as every checklist run (ChecklistCommandLine), run inside the replica's namespaces.
                var spec = new ChecklistRunSpec(repo, settings.RunSettings, settings.Filter, new Dictionary<string, string>(), new Dictionary<string, string>(), Label: "rehearsal");
                var (arguments, checklistEnvironment) = ChecklistCommandLine.For(spec, results, null, build: false);
                var gate = await InsideProcess.RunAsync(info.HolderPid, ["dotnet", .. arguments], repo,
                    environment.Concat(checklistEnvironment.Select(e => (e.Key, e.Value))), cancellationToken);
                var report = Directory.Exists(results) ? Directory.EnumerateFiles(results, "report.html", SearchOption.AllDirectories).FirstOrDefault() : null;
                AnsiConsole.MarkupLine(gate == 0
                    ? $"[green]✓ rehearsal passed[/] — report: {Markup.Escape(report ?? results)}"
                    : $"[red]✗ rehearsal gate failed[/] — report: {Markup.Escape(report ?? results)}");
                settings.Run.Report(new { passed = gate == 0, reportPath = report, resultsDirectory = results });
                return gate == 0 ? ExitCodes.Ok : ExitCodes.ProblemsFound;
            }
            finally
            {
                if (!settings.Keep)
                {
                    Title("6. Rehearsal host down");
                    await RehearsalHost.DownAsync(settings.Root, RehearsalUpCommand.Step, CancellationToken.None);
                }
            }
        });

    /// <summary>The client side's caches (dotnet, Chromium) in the rehearsal root; NuGet's package folder stays the machine's.</summary>
    private static IEnumerable<(string, string)> ClientHome(RehearsalInfo info)
    {
        var home = Path.Combine(info.Root, "client-home");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return [("HOME", home), ("DOTNET_CLI_HOME", home), ("NUGET_PACKAGES", packages), ("DOTNET_NOLOGO", "1")];
    }

    private static void Title(string text) => AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(text)}[/]").LeftJustified());

    private static int Fail(string message, int code)
    {
        AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(message)}[/]");
        return code;
    }
}
