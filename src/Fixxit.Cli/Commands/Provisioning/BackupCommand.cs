using System.ComponentModel;
using Fixxit.Provisioning;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary><c>fixxit backup prod [--keep N] [--max-age-days D]</c>: online backup, integrity check, retention.</summary>
public sealed class BackupCommand : AsyncCommand<BackupCommand.Settings>
{
    public sealed class Settings : ProvisionSettings
    {
        [CommandOption("--keep <COUNT>")]
        [Description("Keep at most this many backups (0 = all). Default 30.")]
        [DefaultValue(30)]
        public int Keep { get; init; } = 30;

        [CommandOption("--max-age-days <DAYS>")]
        [Description("Delete backups older than this (0 = keep all ages). Default 30, the plan's retention.")]
        [DefaultValue(30)]
        public int MaxAgeDays { get; init; } = 30;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (topology, options) = ProvisioningTarget.Resolve(settings);
        var backup = new BackupOptions { KeepCount = settings.Keep, MaxAge = settings.MaxAgeDays > 0 ? TimeSpan.FromDays(settings.MaxAgeDays) : null };
        return await ResultOutput.RunAsync(settings, progress => new Provisioner(options).BackupAsync(topology, settings.Environment, backup, progress, cancellationToken));
    }
}
