using Fixxit.Sandbox;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary><c>fixxit sandbox up [--root DIR] [--slot N] [--fault NAME]...</c>: start or repair the sandbox (idempotent).</summary>
public sealed class SandboxUpCommand : AsyncCommand<SandboxFaultOptions>
{
    public override Task<int> ExecuteAsync(CommandContext context, SandboxFaultOptions settings, CancellationToken cancellationToken) =>
        SandboxErrors.RunAsync(async () =>
        {
            var info = await Fixxit.Sandbox.SandboxControl.UpAsync(
                new SandboxOptions { Root = settings.Root, Ports = settings.Ports(), Faults = settings.Faults, Log = Step }, cancellationToken);
            SandboxOutput.Summary(info);
            settings.Run.Report(SandboxOutput.ToJson(info));
            return ExitCodes.Ok;
        });

    internal static void Step(string line) => AnsiConsole.MarkupLine($"[grey]· {Markup.Escape(Fixxit.Masking.SecretMasker.Shared.Mask(line))}[/]");
}
