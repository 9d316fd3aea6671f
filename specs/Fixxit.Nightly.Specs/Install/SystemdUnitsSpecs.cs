using System.Diagnostics;
using Fixxit.Nightly.Install;
using Fixxit.Nightly.Settings;
using Fixxit.Nightly.Specs.Support;

namespace Fixxit.Nightly.Specs.Install;

/// <summary>The installation's files: units that systemd itself accepts, private settings and secrets, nothing overwritten.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SystemdUnitsSpecs
{
    private const string Analyze = "/usr/bin/systemd-analyze";

    private static InstallPlan Plan(TempFolder temp) => new(
        Environment.ProcessPath!, typeof(SystemdUnitsSpecs).Assembly.Location, temp["etc/nightly.json"], temp["etc/nightly.env"],
        temp.Path, new TimeOnly(2, 30));

    private static NightlyConfig Config(TempFolder temp) => new()
    {
        HistoryDatabase = temp["state/history.db"],
        ReportsDirectory = temp["reports"],
        Webhooks = [new("ops", "NIGHTLY_WEBHOOK_URL")],
        Email = new("127.0.0.1", 25, "n@fixxit.test", ["a@fixxit.test"], "none", "n", "NIGHTLY_SMTP_PASSWORD"),
    };

    [Test]
    public void The_generated_service_and_timer_pass_systemd_analyze_verify()
    {
        using var temp = new TempFolder();
        var written = Installer.Write(temp["etc"], Plan(temp), Config(temp));

        var (exit, output) = Verify(written.Service, written.Timer);

        exit.Should().Be(0, output);
        output.Should().BeEmpty();
    }

    [Test]
    public void Systemd_analyze_verify_does_reject_a_broken_unit_so_the_check_above_can_fail()
    {
        using var temp = new TempFolder();
        var written = Installer.Write(temp["etc"], Plan(temp) with { Dotnet = temp["no-such-dotnet"] }, Config(temp));

        var (exit, output) = Verify(written.Service);

        exit.Should().NotBe(0);
        output.Should().Contain("no-such-dotnet");
    }

    [Test]
    public void The_service_takes_secrets_only_from_a_0600_environment_file_that_lists_each_variable()
    {
        using var temp = new TempFolder();
        var written = Installer.Write(temp["etc"], Plan(temp), Config(temp));

        var service = File.ReadAllText(written.Service);
        service.Should().Contain($"EnvironmentFile={temp["etc/nightly.env"]}")
            .And.Contain($"nightly --settings {temp["etc/nightly.json"]}")
            .And.Contain("Type=oneshot");
        File.ReadAllText(written.Timer).Should().Contain("OnCalendar=*-*-* 02:30:00 UTC").And.Contain("Unit=fixxit-nightly.service");
        File.GetUnixFileMode(written.Environment).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(written.Settings).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllLines(written.Environment).Should().Contain(["NIGHTLY_WEBHOOK_URL=", "NIGHTLY_SMTP_PASSWORD="]);
        NightlyConfigFile.Read(written.Settings).Webhooks.Should().ContainSingle().Which.UrlVariable.Should().Be("NIGHTLY_WEBHOOK_URL");
    }

    [Test]
    public void Installing_again_keeps_the_admins_settings_and_secrets()
    {
        using var temp = new TempFolder();
        Installer.Write(temp["etc"], Plan(temp), Config(temp));
        File.WriteAllText(temp["etc/nightly.env"], "NIGHTLY_WEBHOOK_URL=http://127.0.0.1:1/hook\n");
        var settings = File.ReadAllText(temp["etc/nightly.json"]) + " ";
        File.WriteAllText(temp["etc/nightly.json"], settings);

        var again = Installer.Write(temp["etc"], Plan(temp) with { At = new TimeOnly(4, 0) }, Config(temp));

        again.SettingsCreated.Should().BeFalse();
        again.EnvironmentCreated.Should().BeFalse();
        File.ReadAllText(temp["etc/nightly.env"]).Should().Be("NIGHTLY_WEBHOOK_URL=http://127.0.0.1:1/hook\n");
        File.ReadAllText(temp["etc/nightly.json"]).Should().Be(settings);
        File.ReadAllText(again.Timer).Should().Contain("OnCalendar=*-*-* 04:00:00 UTC");
    }

    [Test]
    public void The_cron_line_runs_the_same_command_at_the_same_utc_time_with_the_environment_file_loaded()
    {
        using var temp = new TempFolder();
        var plan = Plan(temp);

        var cron = SystemdUnits.CronLine(plan);

        cron.Should().StartWith("CRON_TZ=UTC\n30 2 * * * cd ");
        cron.Should().Contain($"set -a && . '{plan.EnvironmentFile}' && set +a && '{plan.Dotnet}' '{plan.CliAssembly}' nightly --settings '{plan.SettingsFile}'");
    }

    private static (int Exit, string Output) Verify(params string[] units)
    {
        if (!File.Exists(Analyze)) Assert.Ignore($"{Analyze} is not installed (Debian package systemd; eng/bootstrap.sh installs it)");
        var start = new ProcessStartInfo(Analyze) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("verify");
        foreach (var unit in units) start.ArgumentList.Add(unit);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, (output.Result + error.Result).Trim());
    }
}
