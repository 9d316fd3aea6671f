using Spectre.Console;

namespace Fixxit.Cli.Commands;

/// <summary>
/// The console the verbs print to: stdout normally, stderr under <c>--json</c> (stdout carries only the envelope);
/// no colour with <c>--no-color</c> or <c>NO_COLOR</c>. When not writing to a terminal it is wide, so a long path
/// is never wrapped mid-word at 80 columns in a CI log.
/// </summary>
public static class CliConsole
{
    /// <summary>Wide enough for any path in a log line; narrow enough that a rule line stays readable.</summary>
    public const int RedirectedWidth = 240;

    public static bool NoColorRequested(IReadOnlyList<string> args) =>
        args.Contains("--no-color") || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };

    public static IAnsiConsole Create(TextWriter writer, bool redirected, bool noColor)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Ansi = noColor ? AnsiSupport.No : AnsiSupport.Detect,
        });
        if (redirected) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
