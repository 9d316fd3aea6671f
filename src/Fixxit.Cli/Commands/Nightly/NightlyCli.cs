using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Nightly;

/// <summary>Registers <c>fixxit nightly</c> (run once) and <c>fixxit nightly install</c>.</summary>
public static class NightlyCli
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch<NightlySettings>("nightly", nightly =>
        {
            nightly.SetDescription("Nightly verification: prod-safe checklist, history, alerts, history page and badge (docs/nightly.md).");
            nightly.SetDefaultCommand<NightlyCommand>();
            nightly.AddCommand<NightlyInstallCommand>("install").WithDescription("Write the systemd service + timer, a cron line, the settings and the 0600 secrets file.");
        });
    }
}
