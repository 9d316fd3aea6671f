using Fixxit.Provisioning;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary><c>fixxit releases prod</c>: every release (id, time, why, verified by a gate or not, the report), oldest first.</summary>
public sealed class ReleasesCommand : AsyncCommand<ProvisionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProvisionSettings settings, CancellationToken cancellationToken)
    {
        var (topology, options) = ProvisioningTarget.Resolve(settings);
        return await ResultOutput.RunAsync(settings, progress => new Provisioner(options).ReleasesAsync(topology, settings.Environment, progress, cancellationToken), alwaysDetails: true);
    }
}
