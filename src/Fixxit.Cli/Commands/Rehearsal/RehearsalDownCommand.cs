using Fixxit.Rehearsal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary><c>fixxit rehearsal down</c>: end every process of the replica's namespaces.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RehearsalDownCommand : AsyncCommand<RehearsalSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RehearsalSettings settings, CancellationToken cancellationToken) =>
        RehearsalErrors.RunAsync(async () =>
        {
            await RehearsalHost.DownAsync(settings.Root, RehearsalUpCommand.Step, cancellationToken);
            AnsiConsole.MarkupLine("[green]✓[/] rehearsal down: no process, namespace, mount or port of it is left");
            settings.Run.Report(new { down = true });
            return ExitCodes.Ok;
        });
}
