using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Report;

/// <summary>Registers <c>fixxit report trace</c>.</summary>
public static class ReportCli
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("report", report =>
        {
            report.SetDescription("Work with a run's report folder (docs/reports.md).");
            report.AddCommand<ReportTraceCommand>("trace")
                .WithDescription("Serve a failed scenario's masked Playwright trace on 127.0.0.1 with the checklist's bundled Playwright; prints the address.");
        });
    }
}
