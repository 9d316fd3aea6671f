using Fixxit.Provisioning;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary><c>fixxit lock status prod</c>: who holds the deploy lock (run, actor, machine, pid), for how long, and whether it is stale.</summary>
public sealed class LockStatusCommand : AsyncCommand<ProvisionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProvisionSettings settings, CancellationToken cancellationToken)
    {
        var (topology, options) = ProvisioningTarget.Resolve(settings);
        return await ResultOutput.RunAsync(settings, progress => new Provisioner(options).LockStatusAsync(topology, settings.Environment, progress, cancellationToken));
    }
}
