using Fixxit.Sandbox;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary><c>fixxit sandbox reset [--fault NAME]...</c>: down, delete the root, up again (new keys, CA and tree).</summary>
public sealed class SandboxResetCommand : AsyncCommand<SandboxFaultOptions>
{
    public override Task<int> ExecuteAsync(CommandContext context, SandboxFaultOptions settings, CancellationToken cancellationToken) =>
        SandboxErrors.RunAsync(async () =>
        {
            var info = await Fixxit.Sandbox.SandboxControl.ResetAsync(
                new SandboxOptions { Root = settings.Root, Ports = settings.Ports(), Faults = settings.Faults, Log = SandboxUpCommand.Step }, cancellationToken);
            SandboxOutput.Summary(info);
            settings.Run.Report(SandboxOutput.ToJson(info));
            return ExitCodes.Ok;
        });
}
