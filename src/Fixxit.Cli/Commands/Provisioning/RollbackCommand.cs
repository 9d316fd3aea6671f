using System.ComponentModel;
using Fixxit.Provisioning;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary><c>fixxit rollback prod [--to RELEASE]</c>: restore code and database of a release together, start, verify.</summary>
public sealed class RollbackCommand : AsyncCommand<RollbackCommand.Settings>
{
    public sealed class Settings : MutatingSettings
    {
        [CommandOption("--to <RELEASE>")]
        [Description("Release folder name (see <dir>-releases/releases/); default: the newest.")]
        public string? To { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.RealServer) Confirmation.Require(settings.Yes, $"rollback replaces {settings.Environment}'s code and database on the real server (--topology fixxit)");
        var (topology, options) = ProvisioningTarget.Resolve(settings);
        return await ResultOutput.RunAsync(settings, progress =>
            new Provisioner(options).RollbackAsync(topology, settings.Environment, RollbackOptions.Default with { To = settings.To }, progress, cancellationToken));
    }
}
