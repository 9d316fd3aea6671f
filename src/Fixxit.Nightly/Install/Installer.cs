using Fixxit.Nightly.Settings;

namespace Fixxit.Nightly.Install;

/// <summary>
/// Writes the installation into one folder: the service, the timer, the cron line, and (only when missing) the
/// settings file and the environment file, both 0600. It enables nothing: the admin copies the units and runs
/// systemctl (docs/nightly.md), so installing never starts a run by surprise.
/// </summary>
public static class Installer
{
    public sealed record Written(string Service, string Timer, string Cron, string Settings, string Environment, bool SettingsCreated, bool EnvironmentCreated);

    public static Written Write(string folder, InstallPlan plan, NightlyConfig config)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Directory.CreateDirectory(folder);
        const UnixFileMode unitMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var service = Path.Combine(folder, $"{plan.UnitName}.service");
        var timer = Path.Combine(folder, $"{plan.UnitName}.timer");
        var cron = Path.Combine(folder, $"{plan.UnitName}.cron");
        PrivateFile.WriteAtomically(service, SystemdUnits.Service(plan), unitMode);
        PrivateFile.WriteAtomically(timer, SystemdUnits.Timer(plan), unitMode);
        PrivateFile.WriteAtomically(cron, SystemdUnits.CronLine(plan), unitMode);

        // Existing settings and secrets are the admin's: never overwritten.
        var settingsCreated = !File.Exists(plan.SettingsFile);
        if (settingsCreated) NightlyConfigFile.Write(plan.SettingsFile, config);
        var environmentCreated = !File.Exists(plan.EnvironmentFile);
        if (environmentCreated) PrivateFile.WriteAtomically(plan.EnvironmentFile, SystemdUnits.EnvironmentTemplate(config));
        return new Written(service, timer, cron, plan.SettingsFile, plan.EnvironmentFile, settingsCreated, environmentCreated);
    }
}
