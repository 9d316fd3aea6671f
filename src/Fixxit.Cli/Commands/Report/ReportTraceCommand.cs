using System.Runtime.InteropServices;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Report;

/// <summary>
/// <c>fixxit report trace &lt;trace.zip|report folder&gt; [--port N]</c>: serves the masked trace of a failed browser
/// scenario with the Playwright trace viewer the features build ships (its own Node.js, no PowerShell, no download),
/// bound to 127.0.0.1, and prints the address to open in Chromium. Runs until Ctrl+C.
/// </summary>
public sealed class ReportTraceCommand : AsyncCommand<ReportTraceSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportTraceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var trace = TraceFile.Resolve(settings.Trace);
        var playwright = BundledPlaywright.Find(settings.Playwright);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Ctrl+C or a service manager's SIGTERM: stop the viewer and return, instead of dying and leaving node serving.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            using var viewer = await TraceViewerProcess.StartAsync(playwright, trace, settings.Port, stop.Token);
            settings.Run.Report(new { trace, address = viewer.Address.AbsoluteUri });
            AnsiConsole.MarkupLine($"Trace viewer for {Markup.Escape(Path.GetFileName(trace))}: [link]{Markup.Escape(viewer.Address.AbsoluteUri)}[/]");
            AnsiConsole.MarkupLine("[grey]Open it in Chromium; Ctrl+C stops the viewer.[/]");
            try
            {
                await viewer.WaitForExitAsync(stop.Token);
                return ExitCodes.StepFailed; // the viewer ended by itself
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Ok;
            }
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok;
        }

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }
}
