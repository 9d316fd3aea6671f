using System.ComponentModel;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Nightly;

/// <summary>Options of <c>fixxit nightly install</c> (plus the branch's: <c>--settings</c> is where the settings file goes).</summary>
public sealed class NightlyInstallSettings : NightlySettings
{
    [CommandOption("--output <DIR>")]
    [Description("Where to write fixxit-nightly.service, .timer, .cron, nightly.json and nightly.env (default: /etc/fixxit-nightly).")]
    public string Output { get; init; } = "/etc/fixxit-nightly";

    [CommandOption("--at <HH:MM>")]
    [Description("The time of day (UTC) the nightly runs. Default 02:30.")]
    public string At { get; init; } = "02:30";

    [CommandOption("--user <NAME>")]
    [Description("Run the service as this user (User=). Default: the service manager's (root for a system unit).")]
    public string? User { get; init; }

    [CommandOption("--topology <NAME>")]
    [Description("sandbox (default) or fixxit, for a settings file written new.")]
    public string Topology { get; init; } = "sandbox";
}
