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
                settings.Run.Report(new { running = false });
                return Task.FromResult(ExitCodes.Ok);
            }

            AnsiConsole.MarkupLine($"rehearsal host: {members.Count} process(es) in {Markup.Escape(state.NetNamespace ?? "?")}");
            var info = RehearsalHost.Describe(settings.Root);
            Show(info);
            settings.Run.Report(new { running = true, processes = members.Count, host = ToJson(info) });
            return Task.FromResult(ExitCodes.Ok);
        });

    /// <summary>The --json data for a running replica: where it is and the variables that reach it (no secrets: paths and a fingerprint).</summary>
    public static object ToJson(RehearsalInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new
        {
            root = info.Root,
            holderPid = info.HolderPid,
            netNamespace = info.NetNamespace,
            names = info.Names,
            variables = RehearsalEnvironment.Connection(info).ToDictionary(v => v.Name, v => v.Value),
        };
    }

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
