using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary>Options every provisioning verb shares: the environment, the topology (sandbox unless named), output form.</summary>
public class ProvisionSettings : CliSettings
{
    [CommandArgument(0, "<ENVIRONMENT>")]
    [Description("The environment to act on, e.g. prod.")]
    public string Environment { get; init; } = string.Empty;

    [CommandOption("--topology <NAME>")]
    [Description("sandbox (default) or fixxit (the real server: only when named; needs FIXXIT_SSH_KEY_FILE and FIXXIT_SSH_HOST_KEY_SHA256; FIXXIT_SERVER_ADDRESS to skip DNS).")]
    [DefaultValue("sandbox")]
    public string Topology { get; init; } = "sandbox";

    [CommandOption("--root <DIR>")]
    [Description("Sandbox root (default: $FIXXIT_SANDBOX_ROOT, else .sandbox in the repository). Sandbox topology only.")]
    public string? Root { get; init; }

    [CommandOption("--verbose")]
    [Description("Also print every step's details (commands, itemized changes, diffs, checks); secrets masked.")]
    public bool Verbose { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Environment) ? ValidationResult.Error("name the environment, e.g. `fixxit apply prod`") : ValidationResult.Success();
}
