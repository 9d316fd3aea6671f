using System.ComponentModel;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary>Options of the verbs that can destroy data or touch the real server: <c>--yes</c> confirms without asking (<see cref="Confirmation"/>).</summary>
public class MutatingSettings : ProvisionSettings
{
    [CommandOption("--yes")]
    [Description("Confirm without asking (scripts, CI). Without a terminal and without --yes, a destructive run is refused (exit 2) before anything is contacted.")]
    public bool Yes { get; init; }

    /// <summary>The real server (<c>--topology fixxit</c>), where every change asks first.</summary>
    public bool RealServer => Topology is "fixxit" or "real";
}
