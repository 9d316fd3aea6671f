using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Fixxit.Cli.Commands.Report;

/// <summary>
/// Playwright's <c>show-trace</c> serving one trace on 127.0.0.1 (never another interface). Started, it reports the
/// address it listens on; disposing stops it.
/// </summary>
public sealed partial class TraceViewerProcess : IDisposable
{
    private readonly Process _process;

    private TraceViewerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public static async Task<TraceViewerProcess> StartAsync(BundledPlaywright playwright, string trace, int port, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(playwright.Node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(trace)!,
        };
        foreach (var argument in new[] { playwright.CliScript, "show-trace", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), trace })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new UserFacingException($"could not start {playwright.Node}", ExitCodes.StepFailed);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            // It prints "Listening on http://127.0.0.1:<port>" once the server is up (and nothing on stdout before).
            while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (Listening().Match(line) is { Success: true } match)
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep the pipe drained
                    return new TraceViewerProcess(process, new Uri(match.Groups[1].Value));
                }
            }

            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            throw new UserFacingException($"show-trace ended (exit code {process.ExitCode}) before serving {trace}: {(await errors.ConfigureAwait(false)).Trim()}", ExitCodes.StepFailed);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Stop(_process);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    [GeneratedRegex(@"Listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
