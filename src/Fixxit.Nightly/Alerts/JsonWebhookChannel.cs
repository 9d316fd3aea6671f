namespace Fixxit.Nightly.Alerts;

/// <summary>A generic JSON webhook: POSTs the alert as one JSON object (kind, title, verdict, target, failed lines …).</summary>
public sealed class JsonWebhookChannel(HttpClient http, Uri url, string name = "webhook") : IAlertChannel
{
    public string Name => name;

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var content = WebhookContent.Json(Body(alert));
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public static object Body(Alert alert) => new
    {
        kind = alert.Kind.ToString(),
        title = alert.Title,
        verdict = alert.Verdict,
        target = alert.Target,
        appVersion = alert.AppVersion,
        startedAt = alert.StartedAt,
        failingRuns = alert.FailingRuns,
        report = alert.ReportLink,
        failed = alert.FailedLines.Select(f => new { line = f.Line, why = f.Why }),
        flaky = alert.FlakyLines,
        text = alert.Text(),
    };
}
