using System.ComponentModel;
using Fixxit.Provisioning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary><c>fixxit restore prod --from FILE</c>: replace the database with a checked backup (current state snapshotted first).</summary>
public sealed class RestoreCommand : AsyncCommand<RestoreCommand.Settings>
{
    public sealed class Settings : MutatingSettings
    {
        [CommandOption("--from <FILE>")]
        [Description("A backup on the host: a path, or a file name in <dir>-releases/backups/.")]
        public string? From { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(From) ? ValidationResult.Error("--from FILE is required: name the backup to restore") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Confirmation.Require(settings.Yes, $"restore replaces {settings.Environment}'s database with {settings.From}{(settings.RealServer ? " on the real server (--topology fixxit)" : string.Empty)}");
        var (topology, options) = ProvisioningTarget.Resolve(settings);
        return await ResultOutput.RunAsync(settings, progress =>
            new Provisioner(options).RestoreAsync(topology, settings.Environment, new RestoreOptions { From = settings.From! }, progress, cancellationToken));
    }
}
