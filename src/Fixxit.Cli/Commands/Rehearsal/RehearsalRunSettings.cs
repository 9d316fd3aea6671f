using System.ComponentModel;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary>Options of <c>fixxit rehearsal run</c>.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RehearsalRunSettings : RehearsalSettings
{
    [CommandOption("--keep")]
    [Description("Leave the rehearsal host running afterwards (look around with nsenter; `fixxit rehearsal down` stops it).")]
    public bool Keep { get; init; }

    [CommandOption("--settings <FILE>")]
    [Description("The checklist profile to run after the deploy: runsettings/prod.runsettings (default, the production gate), nightly.runsettings or dev.runsettings.")]
    [DefaultValue(RehearsalRunCommand.ProdRunSettings)]
    public string RunSettings { get; init; } = RehearsalRunCommand.ProdRunSettings;

    [CommandOption("--filter <EXPR>")]
    [Description("A dotnet test filter for the gate, e.g. Category=smoke. Default: the whole production gate.")]
    public string? Filter { get; init; }
}
