using System.ComponentModel;
using Fixxit.Sandbox.Faults;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary><c>up</c>/<c>reset</c> options: the sandbox plus faults to switch on.</summary>
public sealed class SandboxFaultOptions : SandboxSettings
{
    [CommandOption("--fault <NAME>")]
    [Description("Switch a fault on after start (repeatable): wrong-key, split-key, dev-url-in-db, backend-down, frontend-down, proxy-wrong-port, wrong-backend-port, slow-backend, missing-frontend.")]
    public string[] Faults { get; init; } = [];

    public override Spectre.Console.ValidationResult Validate()
    {
        var unknown = Faults.Where(f => !FaultCatalog.Names.Contains(f)).ToList();
        return unknown.Count == 0
            ? Spectre.Console.ValidationResult.Success()
            : Spectre.Console.ValidationResult.Error($"unknown fault(s) {string.Join(", ", unknown)}; known: {string.Join(", ", FaultCatalog.Names)}");
    }
}
