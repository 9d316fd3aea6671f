using System.ComponentModel;
using Fixxit.Topologies;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary>Options every <c>fixxit sandbox</c> verb shares: which sandbox (root) and which port block.</summary>
public class SandboxSettings : CliSettings
{
    [CommandOption("--root <DIR>")]
    [Description("Sandbox root (default: $FIXXIT_SANDBOX_ROOT, else .sandbox in the repository).")]
    public string? Root { get; init; }

    [CommandOption("--slot <N>")]
    [Description("Port block 0-9 (SandboxPorts.ForSlot); 0 is the default block (ssh 12222, https 18443, ...).")]
    public int Slot { get; init; }

    public SandboxPorts Ports()
    {
        try
        {
            return SandboxPorts.ForSlot(Slot);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new UserFacingException($"--slot {Slot}: sandbox slots are 0-9");
        }
    }
}
