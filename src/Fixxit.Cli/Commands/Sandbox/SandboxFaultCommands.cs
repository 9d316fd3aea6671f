using Fixxit.Sandbox.Faults;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary><c>fixxit sandbox fault on NAME</c>.</summary>
public sealed class SandboxFaultOnCommand : AsyncCommand<FaultNameSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, FaultNameSettings settings, CancellationToken cancellationToken) =>
        SandboxErrors.RunAsync(async () =>
        {
            await Fixxit.Sandbox.FaultSwitch.EnableAsync(settings.Name, settings.Root, cancellationToken);
            var fault = FaultCatalog.Get(settings.Name);
            AnsiConsole.MarkupLine($"[yellow]fault on[/] [bold]{fault.Name}[/]: {Markup.Escape(fault.Changes)}");
            AnsiConsole.MarkupLine($"a correct gate must report: {Markup.Escape(fault.GateMustReport)}");
            settings.Run.Report(new { fault = fault.Name, on = true, changes = fault.Changes, gateMustReport = fault.GateMustReport });
            return ExitCodes.Ok;
        });
}

/// <summary><c>fixxit sandbox fault off NAME</c>.</summary>
public sealed class SandboxFaultOffCommand : AsyncCommand<FaultNameSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, FaultNameSettings settings, CancellationToken cancellationToken) =>
        SandboxErrors.RunAsync(async () =>
        {
            await Fixxit.Sandbox.FaultSwitch.DisableAsync(settings.Name, settings.Root, cancellationToken);
            AnsiConsole.MarkupLine($"[green]fault off[/] [bold]{Markup.Escape(settings.Name)}[/]: undone");
            settings.Run.Report(new { fault = settings.Name, on = false });
            return ExitCodes.Ok;
        });
}

/// <summary><c>fixxit sandbox fault list</c>.</summary>
public sealed class SandboxFaultListCommand : Command<SandboxSettings>
{
    public override int Execute(CommandContext context, SandboxSettings settings, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("fault", "needs prod", "changes", "a correct gate reports");
        foreach (var f in FaultCatalog.All) table.AddRow(f.Name, f.NeedsProd ? "yes" : "no", Markup.Escape(f.Changes), Markup.Escape(f.GateMustReport));
        AnsiConsole.Write(table);
        settings.Run.Report(new { faults = FaultCatalog.All.Select(f => new { name = f.Name, needsProd = f.NeedsProd, changes = f.Changes, gateMustReport = f.GateMustReport }) });
        return ExitCodes.Ok;
    }
}
