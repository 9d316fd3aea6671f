
namespace Fixxit.Nightly.Alerts;

/// <summary>
/// A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat accept it): <c>text</c> as the fallback and
/// notification line, plus Block Kit sections for the failed lines and a link to the report.
/// </summary>
public sealed class SlackWebhookChannel(HttpClient http, Uri url, string name = "slack") : IAlertChannel
{
    public string Name => name;

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var content = WebhookContent.Json(Payload(alert));
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public static object Payload(Alert alert)
    {
        var icon = alert.Kind == AlertKind.Recovered ? ":white_check_mark:" : ":x:";
        var blocks = new List<object>
        {
            new { type = "header", text = new { type = "plain_text", text = alert.Title } },
            new { type = "section", text = new { type = "mrkdwn", text = $"{icon} *{Escape(alert.Verdict)}* on {Escape(alert.Target)} (app {Escape(alert.AppVersion ?? "unknown")})" } },
        };
        if (alert.FailedLines.Count > 0)
        {
            var lines = string.Join('\n', alert.FailedLines.Select(f => $"• *{Escape(f.Line)}* — {Escape(f.Why)}"));
            blocks.Add(new { type = "section", text = new { type = "mrkdwn", text = $"Failed checklist lines:\n{lines}" } });
        }

        if (alert.FlakyLines.Count > 0)
        {
            blocks.Add(new { type = "section", text = new { type = "mrkdwn", text = "Passed only on retry: " + string.Join(", ", alert.FlakyLines.Select(Escape)) } });
        }

        blocks.Add(new { type = "section", text = new { type = "mrkdwn", text = $"<{alert.ReportLink}|Open the report>" } });
        return new { text = $"{alert.Title}: {alert.FailedLines.Count} failed line(s)", blocks };
    }

    // Slack's mrkdwn treats &, < and > as control characters.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
