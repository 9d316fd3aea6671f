using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Report;

/// <summary>Options of <c>fixxit report trace</c>.</summary>
public sealed class ReportTraceSettings : CliSettings
{
    public const int DefaultPort = 9323;

    [CommandArgument(0, "<TRACE>")]
    [Description("A trace zip (artifacts/NNNN-<id>-trace.zip), or a report folder holding exactly one.")]
    public string Trace { get; init; } = string.Empty;

    [CommandOption("--port <N>")]
    [Description("Port on 127.0.0.1 to serve the viewer on (default 9323; 0 picks a free one).")]
    [DefaultValue(DefaultPort)]
    public int Port { get; init; } = DefaultPort;

    [CommandOption("--playwright <DIR>")]
    [Description("The .playwright folder (node + Playwright CLI) to use. Default: the features build's, features/bin/<Debug|Release>/net10.0/.playwright.")]
    public string? Playwright { get; init; }

    public override ValidationResult Validate() =>
        Port is < 0 or > 65535 ? ValidationResult.Error($"--port {Port}: a port is 0-65535") : ValidationResult.Success();
}
