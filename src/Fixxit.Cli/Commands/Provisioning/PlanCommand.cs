using Fixxit.Provisioning;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary><c>fixxit plan prod</c>: every step, every command, every file diff it would apply; changes nothing.</summary>
public sealed class PlanCommand : AsyncCommand<PlanCommand.Settings>
{
    public sealed class Settings : ProvisionSettings
    {
        [CommandOption("--update")]
        [System.ComponentModel.Description("Plan an update (code only) instead of a full apply.")]
        public bool Update { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (topology, options) = ProvisioningTarget.Resolve(settings);
        return await ResultOutput.RunAsync(settings, progress =>
            new Provisioner(options).PlanAsync(topology, settings.Environment, ApplyOptions.Default with { Update = settings.Update }, progress, cancellationToken), alwaysDetails: true);
    }
}
