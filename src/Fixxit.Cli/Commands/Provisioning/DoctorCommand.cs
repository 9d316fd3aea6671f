using Fixxit.Provisioning;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary><c>fixxit doctor prod</c>: the preflight alone, plus config drift, persisted URLs and health, as a report.</summary>
public sealed class DoctorCommand : AsyncCommand<ProvisionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProvisionSettings settings, CancellationToken cancellationToken)
    {
        var (topology, options) = ProvisioningTarget.Resolve(settings);
        return await ResultOutput.RunAsync(settings, progress => new Provisioner(options).DoctorAsync(topology, settings.Environment, progress, cancellationToken), alwaysDetails: true);
    }
}
