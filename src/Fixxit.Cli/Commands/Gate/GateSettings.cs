using System.ComponentModel;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Gate;

/// <summary>Options of <c>fixxit gate</c>.</summary>
public sealed class GateSettings : CommandSettings
{
    [CommandOption("--root <DIR>")]
    [Description("Sandbox root (default: <repo>/.sandbox or FIXXIT_SANDBOX_ROOT).")]
    public string? Root { get; init; }

    [CommandOption("--filter <EXPR>")]
    [Description("A dotnet test filter for the checklist, e.g. Category=smoke. Default: the whole gate.")]
    public string? Filter { get; init; }

    [CommandOption("--skip-apply")]
    [Description("Do not provision prod first; only verify what is deployed.")]
    public bool SkipApply { get; init; }

    [CommandOption("--down")]
    [Description("Bring the sandbox down after the gate.")]
    public bool Down { get; init; }
}
