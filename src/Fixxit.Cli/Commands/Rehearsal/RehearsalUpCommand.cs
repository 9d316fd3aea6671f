using Fixxit.Rehearsal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary><c>fixxit rehearsal up</c>: start the replica and say how to reach it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RehearsalUpCommand : AsyncCommand<RehearsalSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RehearsalSettings settings, CancellationToken cancellationToken) =>
        RehearsalErrors.RunAsync(async () =>
        {
            var info = await RehearsalHost.UpAsync(new RehearsalOptions { Root = settings.Root, SelfCommand = SelfCommand.Get(), Log = Step }, cancellationToken);
            RehearsalStatusCommand.Show(info);
            settings.Run.Report(RehearsalStatusCommand.ToJson(info));
            return ExitCodes.Ok;
        });

    public static void Step(string line) => AnsiConsole.MarkupLine($"[grey]  · {Markup.Escape(Fixxit.Masking.SecretMasker.Shared.Mask(line))}[/]");
}
