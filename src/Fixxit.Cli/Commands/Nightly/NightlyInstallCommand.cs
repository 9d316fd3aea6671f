using System.Globalization;
using Fixxit.Nightly.Install;
using Fixxit.Nightly.Settings;
using Fixxit.Sandbox;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Nightly;

/// <summary>
/// <c>fixxit nightly install</c>: writes the systemd service and timer, the cron line, the settings file and the 0600
/// environment file for secrets (existing settings and secrets are kept). Enables nothing; prints how to.
/// </summary>
public sealed class NightlyInstallCommand : Command<NightlyInstallSettings>
{
    public override int Execute(CommandContext context, NightlyInstallSettings settings, CancellationToken cancellationToken)
    {
        var repo = SandboxLayout.RepositoryRoot()
            ?? throw new UserFacingException("fixxit nightly install runs from a Fixxit.Verify checkout (the service runs the checklist from it)");
        if (!TimeOnly.TryParseExact(settings.At, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            throw new UserFacingException($"--at {settings.At}: expected HH:MM (24-hour, UTC)");
        if (settings.Topology is not ("sandbox" or "fixxit")) throw new UserFacingException($"--topology {settings.Topology}: expected sandbox or fixxit");

        var output = Path.GetFullPath(settings.Output);
        var (dotnet, assembly) = Launcher();
        var settingsFile = Path.GetFullPath(settings.SettingsPath ?? Path.Combine(output, "nightly.json"));
        var plan = new InstallPlan(dotnet, assembly, settingsFile, Path.Combine(output, "nightly.env"), repo, at, settings.User);
        var config = NightlyConfigLoader.Defaults(repo) with
        {
            Topology = settings.Topology,
            HistoryDatabase = "/var/lib/fixxit-nightly/history.db",
            ReportsDirectory = "/var/lib/fixxit-nightly/reports",
        };
        var written = Installer.Write(output, plan, config);

        AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(written.Service)}");
        AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(written.Timer)} (every day at {at:HH:mm} UTC)");
        AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(written.Cron)} (the same, for machines without systemd)");
        AnsiConsole.MarkupLine($"{(written.SettingsCreated ? "[green]✓[/] written" : "[grey]=[/] kept")} {Markup.Escape(written.Settings)}");
        AnsiConsole.MarkupLine($"{(written.EnvironmentCreated ? "[green]✓[/] written (0600)" : "[grey]=[/] kept")} {Markup.Escape(written.Environment)} — put the secrets here");
        AnsiConsole.MarkupLine("Enable with:");
        AnsiConsole.MarkupLine($"  install -m 0644 {Markup.Escape(written.Service)} {Markup.Escape(written.Timer)} /etc/systemd/system/");
        AnsiConsole.MarkupLine("  systemctl daemon-reload && systemctl enable --now fixxit-nightly.timer");
        AnsiConsole.MarkupLine($"or: crontab -l | cat - {Markup.Escape(written.Cron)} | crontab -");
        settings.Run.Report(new
        {
            service = written.Service,
            timer = written.Timer,
            cron = written.Cron,
            settings = written.Settings,
            settingsCreated = written.SettingsCreated,
            environment = written.Environment,
            environmentCreated = written.EnvironmentCreated,
            at = at.ToString("HH:mm", CultureInfo.InvariantCulture),
        });
        return ExitCodes.Ok;
    }

    /// <summary>How this very CLI was started: <c>dotnet fixxit.dll</c>, or the apphost on its own.</summary>
    private static (string Program, string? Assembly) Launcher()
    {
        var process = Environment.ProcessPath ?? throw new UserFacingException("cannot tell which program runs fixxit");
        var assembly = typeof(NightlyInstallCommand).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? (process, assembly) : (process, null);
    }
}
