using Fixxit.Masking;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands;

/// <summary>Turns an escaping exception into one clear, masked line and a documented exit code.</summary>
public static class CliErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (CommandParseException e)
        {
            Write(e.Message);
            return ExitCodes.BadInput;
        }
        catch (CommandRuntimeException e)
        {
            Write(e.Message);
            return ExitCodes.BadInput;
        }
        catch (UserFacingException e)
        {
            Write(e.Message);
            return e.ExitCode;
        }
    }

    /// <summary>Errors go to stderr, so a script that reads stdout (e.g. <c>--json</c>) never parses an error as data.</summary>
    private static readonly IAnsiConsole Stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    private static void Write(string message) =>
        Stderr.MarkupLine($"[red]error:[/] {Markup.Escape(SecretMasker.Shared.Mask(message))}");
}

/// <summary>An error whose message is written for the user as it is, with the exit code it maps to.</summary>
public sealed class UserFacingException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
