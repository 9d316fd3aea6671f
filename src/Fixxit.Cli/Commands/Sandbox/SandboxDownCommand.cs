using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary><c>fixxit sandbox down</c>: stop every sandbox process by pid and prove its ports are free.</summary>
public sealed class SandboxDownCommand : AsyncCommand<SandboxSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, SandboxSettings settings, CancellationToken cancellationToken) =>
        SandboxErrors.RunAsync(async () =>
        {
            await Fixxit.Sandbox.SandboxControl.DownAsync(settings.Root, SandboxUpCommand.Step, cancellationToken);
            settings.Run.Report(new { root = Fixxit.Sandbox.SandboxLayout.Resolve(settings.Root).Root, down = true });
            AnsiConsole.MarkupLine("[green]✓[/] sandbox down: no process left, every sandbox port is free");
            return ExitCodes.Ok;
        });
}
