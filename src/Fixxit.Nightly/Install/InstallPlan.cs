namespace Fixxit.Nightly.Install;

/// <summary>
/// What the installation writes and runs: the command (<c>dotnet fixxit.dll nightly --settings …</c>), where, as whom,
/// and when. <see cref="CliAssembly"/> is null when <see cref="Dotnet"/> is the fixxit apphost itself. <see cref="OnCalendar"/> is systemd's calendar syntax; the cron line is derived from <see cref="At"/>.
/// </summary>
public sealed record InstallPlan(
    string Dotnet,
    string? CliAssembly,
    string SettingsFile,
    string EnvironmentFile,
    string WorkingDirectory,
    TimeOnly At,
    string? User = null,
    string UnitName = "fixxit-nightly")
{
    public string OnCalendar => $"*-*-* {At:HH:mm}:00 UTC";
}
