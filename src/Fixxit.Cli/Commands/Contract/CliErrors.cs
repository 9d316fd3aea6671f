using Fixxit.Masking;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands;

/// <summary>
/// Turns an escaping exception into one clear, masked line on stderr, an error in the envelope and a documented exit
/// code. Errors go to stderr, so a script that reads stdout (<c>--json</c>) never parses an error as data.
/// </summary>
public static class CliErrors
{
    public const string UsageCode = "usage";
    public const string CancelledCode = "cancelled";

    /// <summary>Runs the verb; a known failure becomes its exit code, reported on <paramref name="stderr"/> and in <paramref name="run"/>.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> verb, CliRun run, IAnsiConsole stderr, Func<string, string> usage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(usage);
        try
        {
            var code = await verb();
            if (cancellationToken.IsCancellationRequested && code == ExitCodes.Cancelled && run.Errors.Count == 0) Report(run, stderr, CancelledCode, "cancelled");
            return code;
        }
        catch (CommandParseException e)
        {
            Report(run, stderr, UsageCode, usage(e.Message));
            return ExitCodes.BadInput;
        }
        catch (CommandRuntimeException e)
        {
            // Settings validation (a missing --from, an unknown fault): bad input in the user's terms.
            Report(run, stderr, UsageCode, e.Message);
            return ExitCodes.BadInput;
        }
        catch (UserFacingException e)
        {
            Report(run, stderr, e.Code ?? ExitCodes.NameOf(e.ExitCode), e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Report(run, stderr, CancelledCode, "cancelled: the run's child processes were ended and any deploy lock it held was released");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>One error: a line on stderr (always, for the person watching) and an entry in the envelope.</summary>
    public static void Report(CliRun run, IAnsiConsole stderr, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(stderr);
        var masked = SecretMasker.Shared.Mask(message);
        stderr.MarkupLine($"[red]error:[/] {Markup.Escape(masked)}");
        run.Error(code, masked);
    }
}

/// <summary>An error whose message is written for the user as it is, with the exit code it maps to (and optionally a finer envelope code).</summary>
public sealed class UserFacingException(string message, int exitCode = ExitCodes.BadInput, string? code = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public string? Code { get; } = code;
}
