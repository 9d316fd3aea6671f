using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands;

/// <summary>
/// Runs <c>fixxit</c> with the CLI contract (docs/cli.md) around every verb: strict parsing (an unknown option is a
/// usage error), human output on stdout or — under <c>--json</c> — on stderr with exactly one envelope on stdout,
/// errors on stderr with their exit code, and cancellation as exit 130.
/// </summary>
public static class CliHost
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, Action<IConfigurator> register, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(register);
        var stdout = Console.Out;
        var previousConsole = AnsiConsole.Console;
        var json = args.Contains("--json");
        var noColor = CliConsole.NoColorRequested(args);
        var stderr = CliConsole.Create(Console.Error, Console.IsErrorRedirected, noColor);
        var human = json ? stderr : CliConsole.Create(stdout, Console.IsOutputRedirected, noColor);

        var catalog = new VerbCatalog();
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.ConfigureConsole(human);
            config.CancellationExitCode(ExitCodes.Cancelled);
            register(catalog.Recording(config));
        });
        var run = new CliRun(catalog.PathOf(args), json, stdout);
        app.Configure(config => config.Settings.Registrar.RegisterInstance<ICommandInterceptor>(new CliInterceptor(run)));

        AnsiConsole.Console = human;
        if (json) Console.SetOut(Console.Error);
        int code;
        try
        {
            code = await CliErrors.RunAsync(() => app.RunAsync(args, cancellationToken), run, stderr, message => UsageHint.For(message, args, catalog), cancellationToken);
        }
        finally
        {
            Console.SetOut(stdout);
            AnsiConsole.Console = previousConsole;
        }

        run.Finish(code);
        return code;
    }
}
