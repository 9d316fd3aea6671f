using System.ComponentModel;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Nightly;

/// <summary>Options of <c>fixxit nightly</c>: the settings file, and overrides of its target for a run by hand.</summary>
public class NightlySettings : CliSettings
{
    public const string SettingsVariable = "FIXXIT_NIGHTLY_SETTINGS";

    [CommandOption("--settings <FILE>")]
    [Description("The nightly settings (docs/nightly.md). Default: $FIXXIT_NIGHTLY_SETTINGS, else built-in defaults (sandbox, history in .nightly/, reports in TestResults/nightly/, no alert channel).")]
    public string? SettingsFile { get; init; }

    [CommandOption("--slot <N>")]
    [Description("Sandbox port block 0-9 (overrides the settings' slot).")]
    public int? Slot { get; init; }

    [CommandOption("--root <DIR>")]
    [Description("Sandbox root (overrides the settings' sandboxRoot).")]
    public string? Root { get; init; }

    [CommandOption("--no-retry")]
    [Description("Count a failed scenario at once instead of retrying it in a fresh test host.")]
    public bool NoRetry { get; init; }

    public string? SettingsPath => SettingsFile ?? Environment.GetEnvironmentVariable(SettingsVariable);
}
