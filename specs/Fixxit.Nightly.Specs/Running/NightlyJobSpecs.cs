using System.Text.Json;
using Fixxit.Masking;
using Fixxit.Nightly.Alerts;
using Fixxit.Nightly.History;
using Fixxit.Nightly.Running;
using Fixxit.Nightly.Settings;
using Fixxit.Nightly.Specs.Support;
using MailKit.Security;

namespace Fixxit.Nightly.Specs.Running;

/// <summary>
/// The nightly job end to end, with a checklist that writes report folders the way the real run does (the real run
/// on the sandbox is shown by hand in docs/nightly.md: it takes minutes). Alerts go to real receivers on loopback.
/// </summary>
public sealed class NightlyJobSpecs
{
    private static readonly ReportFolderFixture.Scenario Invitation = new("Urls", "Invitation_URL_shows_app_fixxit_ai", "Features/Urls.feature:12", 2.5);
    private static readonly ReportFolderFixture.Scenario Chat = new("Chat", "A_user_can_reopen_a_chat", "Features/Chat.feature:30", 4);

    [Test]
    public async Task A_pass_then_a_failure_gives_two_runs_one_alert_per_channel_a_page_a_badge_and_no_database_in_any_report_folder()
    {
        using var temp = new TempFolder();
        using var receiver = new HttpReceiver();
        using var smtp = await SmtpReceiver.StartAsync(temp["maildir"]);
        using var http = new HttpClient();
        var config = new NightlyConfig { HistoryDatabase = temp["state/history.db"], ReportsDirectory = temp["reports"] };
        IAlertChannel[] channels =
        [
            new JsonWebhookChannel(http, new Uri(receiver.Url("/hook")), "webhook:ops"),
            new SlackWebhookChannel(http, new Uri(receiver.Url("/slack")), "slack:team"),
            new EmailChannel(new EmailSettings("127.0.0.1", smtp.Port, "n@fixxit.test", ["ops@fixxit.test"], SecureSocketOptions.None), "email:ops"),
        ];
        var secret = $"pw-{Guid.NewGuid():N}";
        var masker = new SecretMasker();
        masker.Register(secret, "admin-password");
        var faultOn = false;
        var night = new DateTimeOffset(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);
        Task<int> Checklist(string folder, string filter, CancellationToken _)
        {
            var invitation = faultOn ? Invitation with { Failure = $"new invitation links start with https://dev.fixxit.ai\nsigned in as admin with {secret}" } : Invitation;
            ReportFolderFixture.Write(folder, night, [invitation, Chat]);
            return Task.FromResult(faultOn ? 1 : 0);
        }

        NightlyJob Job(DateTimeOffset at) => new(config, "sandbox prod", "Category=prod-safe", Checklist, channels, masker, _ => { }) { Clock = () => at };

        var first = await Job(night).RunAsync(CancellationToken.None);
        faultOn = true;
        night = night.AddDays(1);
        var second = await Job(night).RunAsync(CancellationToken.None);

        first.Alert.Should().Be(AlertKind.None);
        first.Run.Passed.Should().BeTrue();
        second.Alert.Should().Be(AlertKind.Failing);
        second.Retried.Should().BeTrue("the failed scenario gets its one retry before it counts");
        second.Deliveries.Should().OnlyContain(d => d.Delivered).And.HaveCount(3);

        using (var history = HistoryStore.Open(config.HistoryDatabase))
        {
            history.Runs().Select(r => r.Verdict).Should().Equal("PASSED", "FAILED");
            history.Alerts().Select(a => (a.Kind, a.Channel)).Should().BeEquivalentTo(new[] { ("Failing", "webhook:ops"), ("Failing", "slack:team"), ("Failing", "email:ops") });
        }

        receiver.Received.Select(r => r.Path).Should().BeEquivalentTo(["/hook", "/slack"]);
        var mail = smtp.Messages().Should().ContainSingle().Subject;
        foreach (var body in receiver.Received.Select(r => r.Body).Append(mail))
        {
            body.Should().Contain("Urls: Invitation URL shows app fixxit ai").And.Contain("new invitation links start with https://dev.fixxit.ai").And.NotContain(secret);
            body.Should().Contain(Path.GetFileName(second.Run.ReportFolder));
        }

        var page = File.ReadAllText(second.HistoryPage);
        page.Should().Contain("<title>Fixxit nightly verification — FAILED</title>").And.Contain("Runs: 2, passed 1 (50 %)").And.Contain("new invitation links start with https://dev.fixxit.ai");
        File.ReadAllText(second.Badge).Should().Contain("nightly: failing");
        Path.GetDirectoryName(second.HistoryPage).Should().Be(config.ReportsDirectory);

        // Report folders go to stakeholders: no database file of any kind, by name or by content.
        foreach (var file in Directory.EnumerateFiles(config.ReportsDirectory, "*", SearchOption.AllDirectories))
        {
            Path.GetFileName(file).Should().NotMatchRegex(@"\.(db|sqlite3?)(-wal|-shm|-journal)?$");
            using var stream = File.OpenRead(file);
            var head = new byte[16];
            var read = stream.Read(head, 0, head.Length);
            System.Text.Encoding.ASCII.GetString(head, 0, read).Should().NotStartWith("SQLite format 3", file);
        }
    }

    [Test]
    public async Task A_scenario_that_passes_on_its_retry_is_recorded_flaky_and_the_run_passes_without_an_alert()
    {
        using var temp = new TempFolder();
        var config = new NightlyConfig { HistoryDatabase = temp["history.db"], ReportsDirectory = temp["reports"] };
        var filters = new List<string>();
        Task<int> Checklist(string folder, string filter, CancellationToken _)
        {
            filters.Add(filter);
            var retry = filters.Count > 1;
            ReportFolderFixture.Write(folder, DateTimeOffset.UtcNow, retry ? [Chat] : [Invitation, Chat with { Failure = "the chat list is empty" }]);
            return Task.FromResult(retry ? 0 : 1);
        }

        var outcome = await new NightlyJob(config, "sandbox prod", "Category=prod-safe", Checklist, [], new SecretMasker(), _ => { }).RunAsync(CancellationToken.None);

        filters.Should().Equal("Category=prod-safe", $"(Category=prod-safe)&(FullyQualifiedName~{new ReportFolderFixture.Scenario("Chat", "A_user_can_reopen_a_chat", "", 0).ClassName}.A_user_can_reopen_a_chat)");
        outcome.Run.Passed.Should().BeTrue();
        outcome.Alert.Should().Be(AlertKind.None);
        Directory.Exists(Path.Combine(outcome.Run.ReportFolder, NightlyJob.RetryFolder)).Should().BeTrue();
        using var history = HistoryStore.Open(config.HistoryDatabase);
        history.Scenarios().Should().ContainSingle(s => s.Flaky).Which.Line.Should().Be("Chat: A user can reopen a chat");
        File.ReadAllText(outcome.HistoryPage).Should().Contain("Flaky scenarios").And.Contain("Chat: A user can reopen a chat</td><td>1 of 1");
    }

    [Test]
    public async Task A_run_that_wrote_no_report_is_a_failed_run_that_says_so_and_a_broken_channel_does_not_silence_the_others()
    {
        using var temp = new TempFolder();
        using var receiver = new HttpReceiver();
        using var http = new HttpClient();
        var config = new NightlyConfig { HistoryDatabase = temp["history.db"], ReportsDirectory = temp["reports"] };
        var dead = $"http://127.0.0.1:{FreePort.Next()}/hook";
        IAlertChannel[] channels = [new JsonWebhookChannel(http, new Uri(dead), "webhook:dead"), new JsonWebhookChannel(http, new Uri(receiver.Url("/hook")), "webhook:ok")];

        var outcome = await new NightlyJob(config, "sandbox prod", "Category=prod-safe", (_, _, _) => Task.FromResult(1), channels, new SecretMasker(), _ => { }).RunAsync(CancellationToken.None);

        outcome.Run.Passed.Should().BeFalse();
        outcome.Retried.Should().BeFalse("there is no scenario to retry");
        outcome.Deliveries.Select(d => (d.Channel, d.Delivered)).Should().Equal(("webhook:dead", false), ("webhook:ok", true));
        using var json = JsonDocument.Parse(receiver.Received.Single().Body);
        json.RootElement.GetProperty("failed")[0].GetProperty("why").GetString().Should().Be("the checklist run wrote no report (dotnet test exit code 1; see the nightly's log)");
    }
}
