using System.Globalization;
using System.Net;
using System.Text;
using Fixxit.Nightly.History;
using Fixxit.Nightly.Results;

namespace Fixxit.Nightly.Pages;

/// <summary>
/// The history page: one self-contained HTML file (inline CSS and SVG, no script, nothing fetched) with the pass rate
/// over time, each scenario's duration trend, the flaky scenarios and the last failure of each checklist line.
/// Its texts come from the history, which holds only masked results; they are HTML-encoded here.
/// </summary>
public static class HistoryPage
{
    public static string Render(IReadOnlyList<RecordedRun> runs, IReadOnlyList<RecordedScenario> scenarios, string title = "Fixxit nightly verification", Func<RecordedRun, string>? reportLink = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(scenarios);
        reportLink ??= r => new Uri(Path.Combine(r.ReportPath, "report.html")).AbsoluteUri;
        var html = new StringBuilder();
        var last = runs.Count > 0 ? runs[^1] : null;
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}} — {{E(last?.Verdict ?? "NO RUNS")}}</title>
            <style>
            body{font-family:system-ui,DejaVu Sans,sans-serif;margin:24px;color:#222;max-width:1100px}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
            table{border-collapse:collapse;width:100%;font-size:13px} th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top}
            th{background:#f5f5f5} .pass{color:#2e7d32;font-weight:600} .fail{color:#c62828;font-weight:600} .flaky{color:#b26a00;font-weight:600}
            .muted{color:#777} .n{white-space:nowrap} .summary span{margin-right:18px} svg text{font-size:10px;fill:#555}
            </style></head><body>
            <h1>{{E(title)}}</h1>
            """);
        if (last is null)
        {
            html.Append("<p class=\"muted\">No runs recorded yet.</p></body></html>");
            return html.ToString();
        }

        var passedRuns = runs.Count(r => r.Passed);
        html.Append(CultureInfo.InvariantCulture, $"""
            <p class="summary"><span>Last run: <b class="{(last.Passed ? "pass" : "fail")}">{E(last.Verdict)}</b> on {E(last.Target)}, {Time(last.StartedAt)} UTC (app {E(last.AppVersion ?? "unknown")}) — <a href="{E(reportLink(last))}">report</a></span>
            <span>Runs: {runs.Count}, passed {passedRuns} ({Percent(passedRuns, runs.Count)})</span></p>
            """);

        html.Append("<h2>Pass rate over time</h2>");
        html.Append(PassRateChart(runs, scenarios));
        html.Append("<table><tr><th>Run</th><th>Started (UTC)</th><th>Target</th><th>Verdict</th><th>Scenarios passed</th><th>Duration</th><th>Report</th></tr>");
        foreach (var run in runs.Reverse())
        {
            var own = scenarios.Where(s => s.RunId == run.Id).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>#{run.Id}</td><td class=\"n\">{Time(run.StartedAt)}</td><td>{E(run.Target)}</td><td class=\"{(run.Passed ? "pass" : "fail")}\">{E(run.Verdict)}</td><td>{own.Count(s => s.Outcome == ScenarioOutcome.Passed)}/{own.Count}</td><td class=\"n\">{run.Duration.TotalSeconds:0} s</td><td><a href=\"{E(reportLink(run))}\">open</a></td></tr>");
        }

        html.Append("</table>");

        var byLine = scenarios.GroupBy(s => s.ScenarioId).Select(g => g.OrderBy(s => s.RunStartedAt).ThenBy(s => s.RunId).ToList()).OrderBy(g => g[^1].Line, StringComparer.Ordinal).ToList();

        html.Append("<h2>Last failure of each line</h2>");
        var failures = byLine.Select(g => (Latest: g[^1], Failure: g.LastOrDefault(s => s.Outcome == ScenarioOutcome.Failed))).Where(x => x.Failure is not null).ToList();
        if (failures.Count == 0) html.Append("<p class=\"muted\">No line has failed in the recorded history.</p>");
        else
        {
            html.Append("<table><tr><th>Checklist line</th><th>Last failed</th><th>Why</th><th>Now</th></tr>");
            foreach (var (latest, failure) in failures.OrderByDescending(x => x.Failure!.RunStartedAt))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(latest.Line)}<br><span class=\"muted\">{E(latest.Location ?? string.Empty)}</span></td><td>run #{failure!.RunId}, {Time(failure.RunStartedAt)}</td><td>{E(failure.FirstFailureLine ?? "(no message)")}</td><td class=\"{Css(latest)}\">{Word(latest)}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("<h2>Flaky scenarios (passed only on retry)</h2>");
        var flaky = byLine.Select(g => (Latest: g[^1], Count: g.Count(s => s.Flaky), Last: g.LastOrDefault(s => s.Flaky))).Where(x => x.Count > 0).OrderByDescending(x => x.Count).ToList();
        if (flaky.Count == 0) html.Append("<p class=\"muted\">None: no scenario needed its retry.</p>");
        else
        {
            html.Append("<table><tr><th>Checklist line</th><th>Flaky runs</th><th>Last flaky</th></tr>");
            foreach (var (latest, count, lastFlaky) in flaky)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(latest.Line)}</td><td>{count} of {byLine.First(g => g[^1] == latest).Count}</td><td>run #{lastFlaky!.RunId}, {Time(lastFlaky.RunStartedAt)}</td></tr>");
            html.Append("</table>");
        }

        html.Append("<h2>Scenario duration trends</h2><table><tr><th>Checklist line</th><th>Trend (oldest → newest)</th><th>Last</th><th>Median</th><th>Now</th></tr>");
        foreach (var g in byLine)
        {
            var latest = g[^1];
            var median = g.Select(s => s.Duration.TotalSeconds).Order().ElementAt(g.Count / 2);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(latest.Line)}</td><td>{Sparkline(g)}</td><td class=\"n\">{latest.Duration.TotalSeconds:0.0} s</td><td class=\"n\">{median:0.0} s</td><td class=\"{Css(latest)}\">{Word(latest)}</td></tr>");
        }

        html.Append("</table><p class=\"muted\">Generated ").Append(Time(DateTimeOffset.UtcNow)).Append(" UTC from the nightly history.</p></body></html>");
        return html.ToString();
    }

    /// <summary>Bars per run: the share of scenarios that passed, red when the run failed.</summary>
    private static string PassRateChart(IReadOnlyList<RecordedRun> runs, IReadOnlyList<RecordedScenario> scenarios)
    {
        const int height = 120, barWidth = 18, gap = 6, left = 34;
        var shown = runs.TakeLast(60).ToList();
        var width = left + (shown.Count * (barWidth + gap)) + 10;
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<svg width=\"{Math.Max(width, 200)}\" height=\"{height + 30}\" role=\"img\" aria-label=\"pass rate per run\">"));
        foreach (var pct in new[] { 0, 50, 100 })
        {
            var y = 10 + (height * (100 - pct) / 100);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#eee\"/><text x=\"0\" y=\"{y + 3}\">{pct}%</text>");
        }

        for (var i = 0; i < shown.Count; i++)
        {
            var run = shown[i];
            var own = scenarios.Where(s => s.RunId == run.Id).ToList();
            var rate = own.Count == 0 ? 0 : own.Count(s => s.Outcome == ScenarioOutcome.Passed) * 100.0 / own.Count;
            var h = Math.Max(2, height * rate / 100);
            var x = left + (i * (barWidth + gap));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{10 + height - h:0.#}\" width=\"{barWidth}\" height=\"{h:0.#}\" fill=\"{(run.Passed ? "#2e7d32" : "#c62828")}\"><title>run #{run.Id} {Time(run.StartedAt)}: {E(run.Verdict)}, {rate:0}% of scenarios passed</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 2}\" y=\"{height + 24}\">#{run.Id}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A small line of a scenario's durations, one dot per run; failed runs' dots are red, flaky ones amber.</summary>
    private static string Sparkline(IReadOnlyList<RecordedScenario> results)
    {
        const int width = 220, height = 28;
        var shown = results.TakeLast(30).ToList();
        var max = Math.Max(0.001, shown.Max(s => s.Duration.TotalSeconds));
        double X(int i) => shown.Count == 1 ? width / 2.0 : 4 + (i * (width - 8.0) / (shown.Count - 1));
        double Y(RecordedScenario s) => height - 4 - ((height - 8) * s.Duration.TotalSeconds / max);
        var points = string.Join(' ', shown.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(s):0.#}")));
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<svg width=\"{width}\" height=\"{height}\"><polyline points=\"{points}\" fill=\"none\" stroke=\"#607d8b\" stroke-width=\"1.5\"/>"));
        for (var i = 0; i < shown.Count; i++)
        {
            var s = shown[i];
            var colour = s.Outcome == ScenarioOutcome.Failed ? "#c62828" : s.Flaky ? "#b26a00" : "#2e7d32";
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(s):0.#}\" r=\"3\" fill=\"{colour}\"><title>run #{s.RunId}: {s.Duration.TotalSeconds:0.0} s, {Word(s)}</title></circle>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Word(RecordedScenario s) => s.Outcome == ScenarioOutcome.Failed ? "failed" : s.Flaky ? "flaky" : s.Outcome == ScenarioOutcome.Skipped ? "skipped" : "passed";

    private static string Css(RecordedScenario s) => s.Outcome == ScenarioOutcome.Failed ? "fail" : s.Flaky ? "flaky" : s.Outcome == ScenarioOutcome.Passed ? "pass" : "muted";

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (part * 100.0 / whole).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
