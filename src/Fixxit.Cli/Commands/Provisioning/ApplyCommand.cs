using System.ComponentModel;
using Fixxit.Provisioning;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary><c>fixxit apply prod [--update] [--reseed-db] [--yes]</c>: provision (or update) an environment from its source.</summary>
public sealed class ApplyCommand : AsyncCommand<ApplyCommand.Settings>
{
    public sealed class Settings : MutatingSettings
    {
        [CommandOption("--update")]
        [Description("The plan's \"Future Updates\": sync code only, snapshot the database first, restart, verify. Never touches the database.")]
        public bool Update { get; init; }

        [CommandOption("--reseed-db")]
        [Description("Replace the environment's database with a fresh online copy of its source's (destroys its own data; a snapshot is taken first).")]
        public bool ReseedDb { get; init; }

        [CommandOption("--startup-timeout <SECONDS>")]
        [Description("How long the app may take to answer /health after a start (covers migrations). Default 90.")]
        [DefaultValue(90)]
        public int StartupTimeoutSeconds { get; init; } = 90;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Update && settings.ReseedDb) throw new UserFacingException("--update never touches the database; drop --reseed-db or --update");
        if (settings.ReseedDb) Confirmation.Require(settings.Yes, $"apply --reseed-db replaces {settings.Environment}'s database with a fresh copy of its source's");
        else if (settings.RealServer) Confirmation.Require(settings.Yes, $"apply changes {settings.Environment} on the real server (--topology fixxit)");
        var (topology, options) = ProvisioningTarget.Resolve(settings);
        var apply = ApplyOptions.Default with
        {
            Update = settings.Update,
            ReseedDatabase = settings.ReseedDb,
            StartupTimeout = TimeSpan.FromSeconds(settings.StartupTimeoutSeconds),
        };
        return await ResultOutput.RunAsync(settings, progress => new Provisioner(options).ApplyAsync(topology, settings.Environment, apply, progress, cancellationToken));
    }
}
