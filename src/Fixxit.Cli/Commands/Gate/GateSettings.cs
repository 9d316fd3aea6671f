using System.ComponentModel;
using Fixxit.Cli.Commands.Sandbox;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Gate;

/// <summary>Options of <c>fixxit gate</c>: which sandbox (root and port block, as for the sandbox verbs) and what to run.</summary>
public sealed class GateSettings : SandboxSettings
{
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
