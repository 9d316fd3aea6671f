using Fixxit.Rehearsal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary><c>fixxit rehearsal status</c>: whether it runs, and the variables that reach it from inside.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RehearsalStatusCommand : AsyncCommand<RehearsalSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RehearsalSettings settings, CancellationToken cancellationToken) =>
        RehearsalErrors.RunAsync(() =>
        {
            var (state, members) = RehearsalHost.Status(settings.Root);
            if (state is null || members.Count == 0)
            {
                AnsiConsole.MarkupLine("rehearsal host: [grey]not running[/]");
                return Task.FromResult(ExitCodes.Ok);
            }

            AnsiConsole.MarkupLine($"rehearsal host: {members.Count} process(es) in {Markup.Escape(state.NetNamespace ?? "?")}");
            Show(RehearsalHost.Describe(settings.Root));
            return Task.FromResult(ExitCodes.Ok);
        });

    public static void Show(RehearsalInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        AnsiConsole.MarkupLine($"  root        {Markup.Escape(info.Root)}");
        AnsiConsole.MarkupLine($"  holder      pid {info.HolderPid} ({Markup.Escape(info.NetNamespace)}); enter with: nsenter -t {info.HolderPid} -n -m -- bash");
        AnsiConsole.MarkupLine($"  names       {Markup.Escape(string.Join(", ", info.Names))} -> 127.0.0.1 inside only; ports {string.Join(' ', RehearsalInfo.Ports)} inside only");
        foreach (var (name, value) in RehearsalEnvironment.Connection(info))
        {
            AnsiConsole.MarkupLine($"  export {Markup.Escape(name)}={Markup.Escape(value)}");
        }
    }
}
