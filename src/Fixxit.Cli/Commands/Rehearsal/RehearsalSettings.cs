using System.ComponentModel;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary>Options every rehearsal verb shares: where its root folder is.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class RehearsalSettings : CliSettings
{
    [CommandOption("--root <DIR>")]
    [Description("Rehearsal root (default: .rehearsal in the repository). Everything it writes is under it.")]
    public string? Root { get; init; }
}
