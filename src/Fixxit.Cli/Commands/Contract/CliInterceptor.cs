using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands;

/// <summary>Hands the verb its <see cref="CliRun"/> (through its settings) before it executes.</summary>
internal sealed class CliInterceptor(CliRun run) : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        if (settings is CliSettings cli) cli.Run = run;
    }

    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
    }
}
