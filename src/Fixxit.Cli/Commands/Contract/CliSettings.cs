using System.ComponentModel;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands;

/// <summary>
/// Options every verb has (docs/cli.md): <c>--json</c> (one envelope on stdout, everything else on stderr) and
/// <c>--no-color</c>. Every verb's settings derive from this; CliJsonContractSpecs fails a verb that does not.
/// </summary>
public class CliSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Print one JSON envelope on stdout (schemaVersion, command, ok, exitCode, data, errors); progress and messages go to stderr.")]
    public bool Json { get; init; }

    [CommandOption("--no-color")]
    [Description("No colour in the output (as NO_COLOR=1 does).")]
    public bool NoColor { get; init; }

    /// <summary>This invocation's result (data and errors for the envelope); attached by <see cref="CliHost"/> before the command runs.</summary>
    public CliRun Run { get; internal set; } = CliRun.Detached;
}
