using Fixxit.Nightly.Settings;

namespace Fixxit.Nightly.Install;

/// <summary>
/// Renders the systemd service (oneshot: one nightly per start) and its timer, and the cron line for machines without
/// systemd. Secrets reach the service only through <c>EnvironmentFile=</c>, a 0600 file the unit names and never holds.
/// </summary>
public static class SystemdUnits
{
    public static string Service(InstallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var user = plan.User is null ? string.Empty : $"User={plan.User}\n";
        return $"""
            [Unit]
            Description=Fixxit nightly verification (prod-safe checklist, history, alerts)
            Documentation={new Uri(Path.Combine(plan.WorkingDirectory, "docs", "nightly.md")).AbsoluteUri}
            After=network-online.target
            Wants=network-online.target

            [Service]
            Type=oneshot
            {user}WorkingDirectory={Quote(plan.WorkingDirectory)}
            # Secrets (webhook URLs, SMTP password, the target's credentials) live only in this 0600 file.
            EnvironmentFile={Quote(plan.EnvironmentFile)}
            Environment=DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 REQNROLL_TELEMETRY_ENABLED=0
            ExecStart={Program(plan, Quote)} nightly --settings {Quote(plan.SettingsFile)}
            # Exit code 1 is a failed verdict, already recorded and alerted: not a broken service.
            SuccessExitStatus=1
            TimeoutStartSec=2h
            Nice=10
            NoNewPrivileges=yes

            """;
    }

    public static string Timer(InstallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"""
            [Unit]
            Description=Run the Fixxit nightly verification every night

            [Timer]
            OnCalendar={plan.OnCalendar}
            # A night missed while the machine was off runs at the next boot.
            Persistent=true
            RandomizedDelaySec=5min
            Unit={plan.UnitName}.service

            [Install]
            WantedBy=timers.target

            """;
    }

    /// <summary>The crontab line: load the environment file, run once, append to a log beside the settings.</summary>
    public static string CronLine(InstallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var log = Path.Combine(Path.GetDirectoryName(plan.SettingsFile)!, "nightly.log");
        var command = $"cd {Sh(plan.WorkingDirectory)} && set -a && . {Sh(plan.EnvironmentFile)} && set +a && {Program(plan, Sh)} nightly --settings {Sh(plan.SettingsFile)} >> {Sh(log)} 2>&1";
        // cron runs in the machine's time zone; CRON_TZ pins the same UTC time the timer uses (cronie, Debian's cron ignores it).
        return $"CRON_TZ=UTC\n{plan.At.Minute} {plan.At.Hour} * * * {command}\n";
    }

    /// <summary>The template of the environment file: every variable the settings name, empty, for the admin to fill.</summary>
    public static string EnvironmentTemplate(NightlyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var lines = new List<string> { "# Secrets for the Fixxit nightly (mode 0600). One NAME=value per line; never commit this file." };
        lines.AddRange(config.Webhooks.Concat(config.SlackWebhooks).Select(w => $"{w.UrlVariable}="));
        if (config.Email?.PasswordVariable is { } p) lines.Add($"{p}=");
        if (config.Topology == "fixxit")
        {
            lines.Add("# the target (runsettings/nightly.runsettings names these):");
            lines.AddRange(new[]
            {
                "FIXXIT_SERVER_ADDRESS", "FIXXIT_SSH_KEY_FILE", "FIXXIT_SSH_HOST_KEY_SHA256", "FIXXIT_ADMIN_EMAIL", "FIXXIT_ADMIN_PASSWORD",
                "FIXXIT_MANAGER_EMAIL", "FIXXIT_MANAGER_PASSWORD", "FIXXIT_USER_EMAIL", "FIXXIT_USER_PASSWORD", "FIXXIT_MANAGER_GROUPS",
            }.Select(n => $"{n}="));
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Program(InstallPlan plan, Func<string, string> quote) =>
        plan.CliAssembly is null ? quote(plan.Dotnet) : $"{quote(plan.Dotnet)} {quote(plan.CliAssembly)}";

    // systemd splits ExecStart= on spaces; a path with a space must be quoted.
    private static string Quote(string value) => value.Contains(' ', StringComparison.Ordinal) ? $"\"{value}\"" : value;

    private static string Sh(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
