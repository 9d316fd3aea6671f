using System.ComponentModel;
using Fixxit.Rehearsal;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary>Hidden: what <c>rehearsal up</c> runs inside the namespaces it created.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RehearsalInsideUpCommand : AsyncCommand<RehearsalInsideUpCommand.Settings>
{
    public sealed class Settings : RehearsalSettings
    {
        [CommandOption("--uid <UID>")]
        [Description("ec2-user's uid in the replica's /etc/passwd.")]
        public int UserId { get; init; }

        [CommandOption("--gid <GID>")]
        [Description("ec2-user's gid.")]
        public int GroupId { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        RehearsalErrors.RunAsync(async () =>
        {
            await RehearsalHost.InsideUpAsync(settings.Root ?? throw new UserFacingException("--root is required"), settings.UserId, settings.GroupId, Console.Out.WriteLine, cancellationToken);
            return ExitCodes.Ok;
        });
}
