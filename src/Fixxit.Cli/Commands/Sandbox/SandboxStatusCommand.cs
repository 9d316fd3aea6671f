using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary><c>fixxit sandbox status [--json]</c>: endpoints, ports, fingerprints, paths, processes, faults. Exit 1 when not fully up.</summary>
public sealed class SandboxStatusCommand : AsyncCommand<SandboxSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, SandboxSettings settings, CancellationToken cancellationToken) =>
        SandboxErrors.RunAsync(async () =>
        {
            var status = await Fixxit.Sandbox.SandboxControl.StatusAsync(settings.Root, cancellationToken);
            settings.Run.Report(SandboxOutput.ToJson(status));
            if (!status.CoreRunning) settings.Run.Error("NotRunning", status.Info is null ? $"no sandbox at {status.Root} (run `fixxit sandbox up`)" : $"the sandbox at {status.Root} is not (fully) running");
            if (status.Info is null)
            {
                AnsiConsole.MarkupLine($"no sandbox at {Markup.Escape(status.Root)} (run `fixxit sandbox up`)");
            }
            else
            {
                SandboxOutput.Summary(status.Info, status.CoreRunning ? "[green]✓[/] sandbox running at" : "[red]✗[/] sandbox not (fully) running at");
                var table = new Table().AddColumns("process", "pid", "port", "running", "listening");
                foreach (var c in status.Components)
                {
                    table.AddRow(c.Name, c.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        c.Running ? "[green]yes[/]" : "[red]no[/]", c.Listening ? "[green]yes[/]" : "[red]no[/]");
                }

                AnsiConsole.Write(table);
                if (!status.ProdProvisioned) AnsiConsole.MarkupLine("prod: not provisioned (`fixxit apply prod` creates it)");
            }

            return status.CoreRunning ? ExitCodes.Ok : ExitCodes.ProblemsFound;
        });
}
