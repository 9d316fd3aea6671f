using System.ComponentModel;
using Fixxit.Provisioning;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary><c>fixxit lock release prod [--force]</c>: remove a stale deploy lock, or with --force one whose holder may still run; journaled.</summary>
public sealed class LockReleaseCommand : AsyncCommand<LockReleaseCommand.Settings>
{
    public sealed class Settings : MutatingSettings
    {
        [CommandOption("--force")]
        [Description("Break the lock even though its holder may still be running (the journal records who broke whose lock).")]
        public bool Force { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Force && settings.RealServer) Confirmation.Require(settings.Yes, $"lock release --force breaks {settings.Environment}'s deploy lock on the real server even if its holder is still running");
        var (topology, options) = ProvisioningTarget.Resolve(settings);
        return await ResultOutput.RunAsync(settings, progress => new Provisioner(options).ReleaseLockAsync(topology, settings.Environment, settings.Force, progress, cancellationToken));
    }
}
