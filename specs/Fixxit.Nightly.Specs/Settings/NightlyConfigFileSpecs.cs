using Fixxit.Nightly.Settings;
using Fixxit.Nightly.Specs.Support;

namespace Fixxit.Nightly.Specs.Settings;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NightlyConfigFileSpecs
{
    [Test]
    public void A_settings_file_reads_with_relative_paths_resolved_against_its_folder()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["nightly.json"], """
            {
              // comments are allowed
              "slot": 8,
              "historyDatabase": "state/history.db",
              "reportsDirectory": "reports",
              "failuresBeforeAlert": 2,
              "remindEveryRuns": 7,
              "keepRuns": 30,
              "keepDays": 45,
              "retry": false,
              "webhooks": [ { "name": "ops", "urlVariable": "OPS_URL" } ],
              "email": { "host": "127.0.0.1", "port": 2525, "from": "n@fixxit.test", "to": ["a@fixxit.test"], "security": "none", "passwordVariable": "SMTP_PW", "user": "n" }
            }
            """);

        var config = NightlyConfigFile.Read(temp["nightly.json"]);

        config.Slot.Should().Be(8);
        config.HistoryDatabase.Should().Be(temp["state/history.db"]);
        config.ReportsDirectory.Should().Be(temp["reports"]);
        config.Policy.Should().Be(new Fixxit.Nightly.Alerts.AlertPolicy(2, 7));
        config.Retention.Should().Be(new Fixxit.Nightly.History.Retention(30, TimeSpan.FromDays(45)));
        config.Retry.Should().BeFalse();
        config.Webhooks.Should().Equal(new NightlyConfig.WebhookTarget("ops", "OPS_URL"));
        config.Email!.PasswordVariable.Should().Be("SMTP_PW");
    }

    [TestCase("{ \"historyDatabase\": \"h.db\" }", "\"reportsDirectory\" is required")]
    [TestCase("{ \"historyDatabase\": \"h.db\", \"reportsDirectory\": \"r\", \"slot\": \"eight\" }", "\"slot\" must be a whole number")]
    [TestCase("{ \"historyDatabase\": \"h.db\", \"reportsDirectory\": \"r\", \"slot\": 12 }", "\"slot\" is 12; sandbox slots are 0-9")]
    [TestCase("{ \"historyDatabase\": \"h.db\", \"reportsDirectory\": \"r\", \"failuresBeforeAlert\": 0 }", "\"failuresBeforeAlert\" must be at least 1")]
    [TestCase("{ \"historyDatabase\": \"h.db\", \"reportsDirectory\": \"r\", \"topology\": \"prod\" }", "\"topology\" is \"prod\"; expected sandbox or fixxit")]
    [TestCase("{ \"historyDatabase\": \"h.db\", \"reportsDirectory\": \"r\", \"webhook\": [] }", "unknown setting \"webhook\"*")]
    [TestCase("{ \"historyDatabase\": \"h.db\", \"reportsDirectory\": \"r\", \"webhooks\": [ { \"name\": \"ops\" } ] }", "\"webhooks[0].urlVariable\" is required (a string)")]
    [TestCase("{ \"historyDatabase\": \"h.db\", \"reportsDirectory\": \"r\", \"email\": { \"host\": \"h\", \"port\": 25, \"from\": \"a@b\", \"to\": [], \"security\": \"ssl3\" } }", "\"email.security\" is \"ssl3\"; expected none, starttls, starttls-when-available, tls")]
    [TestCase("{ \"historyDatabase\": \"reports/h.db\", \"reportsDirectory\": \"reports\" }", "\"historyDatabase\" (*) is inside \"reportsDirectory\"; report folders never hold a database file")]
    [TestCase("{ \"historyDatabase\": \"h.db\",\n  \"reportsDirectory\": \"r\"\n  \"slot\": 1 }", "line 3: not valid JSON*")]
    public void Bad_settings_are_refused_naming_the_file_and_the_setting(string json, string expected)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["nightly.json"], json);
        var read = () => NightlyConfigFile.Read(temp["nightly.json"]);
        read.Should().Throw<NightlyConfigException>().WithMessage($"{temp["nightly.json"]}: {expected}");
    }

    [Test]
    public void A_written_settings_file_is_private_and_reads_back_the_same()
    {
        using var temp = new TempFolder();
        var config = new NightlyConfig
        {
            Slot = 3,
            HistoryDatabase = temp["state/history.db"],
            ReportsDirectory = temp["reports"],
            SlackWebhooks = [new("team", "TEAM_URL")],
            Email = new("127.0.0.1", 25, "n@fixxit.test", ["a@fixxit.test"], "none", null, null),
        };

        NightlyConfigFile.Write(temp["nightly.json"], config);

        File.GetUnixFileMode(temp["nightly.json"]).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        NightlyConfigFile.Read(temp["nightly.json"]).Should().BeEquivalentTo(config);
        Directory.GetFiles(temp.Path).Should().ContainSingle("the temp file of the atomic write is gone");
    }
}
