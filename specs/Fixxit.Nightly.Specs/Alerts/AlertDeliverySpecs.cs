using System.Text.Json;
using Fixxit.Masking;
using Fixxit.Nightly.Alerts;
using Fixxit.Nightly.Results;
using Fixxit.Nightly.Specs.Support;
using MailKit.Security;

namespace Fixxit.Nightly.Specs.Alerts;

/// <summary>Each channel delivers to a real receiver on loopback; the failed line and why arrive, a secret never does.</summary>
public sealed class AlertDeliverySpecs
{
    private static readonly string Secret = $"sk-{Guid.NewGuid():N}";

    private static (Alert Alert, SecretMasker Masker) FailingAlert()
    {
        var masker = new SecretMasker();
        masker.Register(Secret, "admin-password");
        var run = new RunResult("FAILED", "sandbox prod", "0.6.43", new DateTimeOffset(2026, 12, 2, 2, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(2),
        [
            new ScenarioResult("C.Invitation_url", "Urls: Invitation URL shows app.fixxit.ai (not dev.fixxit.ai)", "Features/Urls.feature:12", ScenarioOutcome.Failed, TimeSpan.FromSeconds(3),
                $"the invitation link starts with https://dev.fixxit.ai (signed in with {Secret})"),
            new ScenarioResult("C.Chat", "Chat: A user can reopen a chat", "Features/Chat.feature:30", ScenarioOutcome.Passed, TimeSpan.FromSeconds(4), null, Flaky: true),
        ], "/reports/20261202-023000-nightly");
        return (Alert.For(AlertKind.Failing, "sandbox prod", run, 1, $"file:///reports/20261202-023000-nightly/report.html?token={Secret}", masker), masker);
    }

    [Test]
    public async Task The_json_webhook_posts_the_failed_line_why_and_the_report_link_without_the_secret()
    {
        using var receiver = new HttpReceiver();
        using var http = new HttpClient();
        var (alert, _) = FailingAlert();

        await new JsonWebhookChannel(http, new Uri(receiver.Url("/hooks/ops"))).SendAsync(alert, CancellationToken.None);

        var (path, body) = receiver.Received.Should().ContainSingle().Subject;
        path.Should().Be("/hooks/ops");
        receiver.WithoutLength.Should().Be(0, "the body is sent with Content-Length, not chunked");
        body.Should().NotContain(Secret);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("kind").GetString().Should().Be("Failing");
        var failed = json.RootElement.GetProperty("failed").EnumerateArray().Should().ContainSingle().Subject;
        failed.GetProperty("line").GetString().Should().Be("Urls: Invitation URL shows app.fixxit.ai (not dev.fixxit.ai)");
        failed.GetProperty("why").GetString().Should().Be("the invitation link starts with https://dev.fixxit.ai (signed in with ***admin-password***)");
        json.RootElement.GetProperty("report").GetString().Should().StartWith("file:///reports/20261202-023000-nightly/report.html");
        json.RootElement.GetProperty("flaky").EnumerateArray().Select(e => e.GetString()).Should().Equal("Chat: A user can reopen a chat");
    }

    [Test]
    public async Task The_slack_webhook_posts_text_and_blocks_naming_the_failed_line_without_the_secret()
    {
        using var receiver = new HttpReceiver();
        using var http = new HttpClient();
        var (alert, _) = FailingAlert();

        await new SlackWebhookChannel(http, new Uri(receiver.Url("/services/T0/B0/xyz"))).SendAsync(alert, CancellationToken.None);

        var body = receiver.Received.Should().ContainSingle().Subject.Body;
        receiver.WithoutLength.Should().Be(0, "the body is sent with Content-Length, not chunked");
        body.Should().NotContain(Secret);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("text").GetString().Should().Be("Fixxit nightly FAILING on sandbox prod: 1 failed line(s)");
        var texts = json.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetProperty("text").GetString()).ToList();
        texts.Should().Contain(t => t!.Contains("*Urls: Invitation URL shows app.fixxit.ai (not dev.fixxit.ai)* — the invitation link starts with https://dev.fixxit.ai", StringComparison.Ordinal));
        texts.Should().Contain(t => t!.StartsWith("<file:///reports/20261202-023000-nightly/report.html", StringComparison.Ordinal) && t.EndsWith("|Open the report>", StringComparison.Ordinal));
    }

    [Test]
    public async Task Email_goes_through_a_real_smtp_server_with_the_failed_line_and_without_the_secret()
    {
        using var temp = new TempFolder();
        using var smtp = await SmtpReceiver.StartAsync(temp["maildir"]);
        var (alert, _) = FailingAlert();

        await new EmailChannel(new EmailSettings("127.0.0.1", smtp.Port, "nightly@fixxit.test", ["ops@fixxit.test"], SecureSocketOptions.None)).SendAsync(alert, CancellationToken.None);

        var message = smtp.Messages().Should().ContainSingle().Subject;
        message.Should().NotContain(Secret);
        using var parsed = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message)));
        parsed.Subject.Should().Be("Fixxit nightly FAILING on sandbox prod");
        parsed.To.Mailboxes.Select(m => m.Address).Should().Equal("ops@fixxit.test");
        parsed.TextBody.Should().Contain("✗ Urls: Invitation URL shows app.fixxit.ai (not dev.fixxit.ai) — the invitation link starts with https://dev.fixxit.ai (signed in with ***admin-password***)")
            .And.Contain("Report: file:///reports/20261202-023000-nightly/report.html")
            .And.Contain("~ Chat: A user can reopen a chat")
            .And.NotContain(Secret);
    }

    [Test]
    public void A_webhook_url_read_from_the_environment_is_masked_wherever_it_would_be_printed()
    {
        var masker = new SecretMasker();
        var token = Guid.NewGuid().ToString("N");
        var url = $"http://127.0.0.1:9/services/T0/B0/{token}";
        var config = new Fixxit.Nightly.Settings.NightlyConfig
        {
            HistoryDatabase = "/tmp/h.db",
            ReportsDirectory = "/tmp/r",
            SlackWebhooks = [new("team", "SPEC_SLACK_URL")],
        };
        using var http = new HttpClient();

        var channels = AlertChannels.From(config, name => name == "SPEC_SLACK_URL" ? url : null, masker, http, "nightly.json");

        channels.Should().ContainSingle().Which.Name.Should().Be("slack:team");
        masker.Mask($"POST {url} failed").Should().NotContain(token);
        masker.Mask($"POST /services/T0/B0/{token} failed").Should().NotContain(token);
    }

    [Test]
    public void A_missing_webhook_variable_is_an_error_naming_the_file_and_the_variable()
    {
        var config = new Fixxit.Nightly.Settings.NightlyConfig { HistoryDatabase = "/tmp/h.db", ReportsDirectory = "/tmp/r", Webhooks = [new("ops", "SPEC_UNSET_URL")] };
        using var http = new HttpClient();
        var build = () => AlertChannels.From(config, _ => null, new SecretMasker(), http, "/etc/fixxit-nightly/nightly.json");
        build.Should().Throw<Fixxit.Nightly.Settings.NightlyConfigException>().WithMessage("/etc/fixxit-nightly/nightly.json: webhook \"ops\" reads its URL from SPEC_UNSET_URL, which is not set");
    }
}
