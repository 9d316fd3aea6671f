using System.ComponentModel;
using Fixxit.Sandbox.Faults;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary><c>fault on|off NAME</c>.</summary>
public sealed class FaultNameSettings : SandboxSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The fault (see `fixxit sandbox fault list`).")]
    public string Name { get; init; } = string.Empty;

    public override Spectre.Console.ValidationResult Validate() =>
        FaultCatalog.Names.Contains(Name)
            ? Spectre.Console.ValidationResult.Success()
            : Spectre.Console.ValidationResult.Error($"unknown fault '{Name}'; known: {string.Join(", ", FaultCatalog.Names)}");
}
