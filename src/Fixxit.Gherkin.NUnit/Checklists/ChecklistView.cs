using System.Net;
using System.Text;
using Fixxit.Masking;

namespace Fixxit.Gherkin.NUnit.Checklists;

/// <summary>
/// The checklist as the report's first view: each section's lines ticked, crossed, not run or incomplete, each with its
/// scenarios (name and status), a failed scenario's step and message, and the scenario's screenshots embedded as data
/// URIs. Static HTML with its own styles: no script and no external reference, so the page reads the same when mailed.
/// Every text goes through the secret masker.
/// </summary>
public static class ChecklistView
{
    public const string ElementId = "fixxit-checklist";

    /// <summary>The most of a failure message shown (a call log can run long); the Cucumber detail below has all of it.</summary>
    private const int MessageCharacters = 1500;

    private const int MessageLines = 20;

    public static string Render(ChecklistDefinition checklist, IReadOnlyList<ScenarioRun> runs, SecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(masker);
        var results = checklist.Lines.ToDictionary(l => l, l => LineResult.For(l, runs));
        var html = new StringBuilder();
        html.Append("<section id=\"").Append(ElementId).Append("\">").Append(Styles);
        html.Append("<h2>Checklist</h2><p class=\"fx-summary\">").Append(Summary(results.Values)).Append("</p>");
        foreach (var (section, lines) in checklist.Sections)
        {
            html.Append("<h3>").Append(Encode(section, masker)).Append("</h3><ul class=\"fx-lines\">");
            foreach (var line in lines) AppendLine(html, results[line], masker);
            html.Append("</ul>");
        }

        return html.Append("</section>").ToString();
    }

    private static string Summary(IEnumerable<LineResult> results)
    {
        var counts = results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var parts = new[] { LineStatus.Ticked, LineStatus.Crossed, LineStatus.Incomplete, LineStatus.NotRun }
            .Where(counts.ContainsKey)
            .Select(s => $"{counts[s]} {Label(s)}");
        return string.Join(" · ", parts) + $" of {counts.Values.Sum()} lines";
    }

    private static void AppendLine(StringBuilder html, LineResult result, SecretMasker masker)
    {
        var status = Attribute(result.Status);
        html.Append("<li class=\"fx-line\" data-line-status=\"").Append(status).Append("\"><details")
            .Append(result.Status == LineStatus.Crossed ? " open" : string.Empty).Append("><summary>")
            .Append("<span class=\"fx-mark fx-").Append(status).Append("\" title=\"").Append(Label(result.Status)).Append("\">")
            .Append(Mark(result.Status)).Append("</span> <span class=\"fx-text\">").Append(Encode(result.Line.Text, masker)).Append("</span>")
            .Append(" <span class=\"fx-count\">").Append(Label(result.Status)).Append(" · ").Append(result.Scenarios.Count)
            .Append(result.Scenarios.Count == 1 ? " scenario" : " scenarios").Append("</span></summary><ul class=\"fx-scenarios\">");
        foreach (var scenario in result.Scenarios) AppendScenario(html, scenario, masker);
        html.Append("</ul></details></li>");
    }

    private static void AppendScenario(StringBuilder html, ScenarioRun scenario, SecretMasker masker)
    {
        var status = Attribute(scenario.Status);
        html.Append("<li class=\"fx-scenario\" data-scenario-status=\"").Append(status).Append("\"><span class=\"fx-status fx-s-").Append(status).Append("\">")
            .Append(status.Replace('-', ' ')).Append("</span> <span class=\"fx-name\">").Append(Encode(scenario.Name, masker)).Append("</span> ");
        if (scenario.Example is not null) html.Append("<span class=\"fx-example\">(").Append(Encode(scenario.Example, masker)).Append(")</span> ");
        html.Append("<span class=\"fx-file\">")
            .Append(Encode(scenario.FeaturePath, masker)).Append("</span>");
        if (scenario.Status == ScenarioStatus.Failed)
        {
            var message = Shorten(scenario.FailureMessage ?? "(no message)");
            html.Append("<div class=\"fx-failure\"><div class=\"fx-step\">Failed at: ").Append(Encode(scenario.FailedStep ?? "a step", masker))
                .Append("</div><pre class=\"fx-message\">").Append(Encode(message, masker)).Append("</pre></div>");
        }

        foreach (var image in scenario.Images.Where(IsEmbeddable))
        {
            html.Append("<img class=\"fx-shot\" alt=\"").Append(Encode(image.FileName ?? "screenshot", masker)).Append("\" src=\"data:")
                .Append(image.MediaType).Append(";base64,").Append(image.Base64).Append("\">");
        }

        html.Append("</li>");
    }

    private static string Shorten(string message)
    {
        var lines = message.Split('\n');
        var shown = string.Join('\n', lines.Take(MessageLines));
        if (shown.Length > MessageCharacters) shown = shown[..MessageCharacters];
        return shown.Length < message.Length ? shown + "\n… (the whole message is in the scenario's detail below)" : shown;
    }

    /// <summary>Only PNG/JPEG in plain base64 go into an attribute: nothing else can break out of it.</summary>
    private static bool IsEmbeddable(ScenarioImage image) =>
        image.MediaType is "image/png" or "image/jpeg" && image.Base64.Length > 0
        && image.Base64.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=');

    private static string Attribute(LineStatus status) => status switch
    {
        LineStatus.Ticked => "ticked",
        LineStatus.Crossed => "crossed",
        LineStatus.Incomplete => "incomplete",
        _ => "not-run",
    };

    private static string Attribute(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Passed => "passed",
        ScenarioStatus.Failed => "failed",
        ScenarioStatus.Skipped => "skipped",
        _ => "not-run",
    };

    private static string Label(LineStatus status) => status switch
    {
        LineStatus.Ticked => "ticked",
        LineStatus.Crossed => "crossed",
        LineStatus.Incomplete => "incomplete",
        _ => "not run",
    };

    private static string Mark(LineStatus status) => status switch
    {
        LineStatus.Ticked => "✔",
        LineStatus.Crossed => "✘",
        LineStatus.Incomplete => "◐",
        _ => "–",
    };

    private static string Encode(string text, SecretMasker masker) => WebUtility.HtmlEncode(masker.Mask(text));

    private const string Styles = """
        <style>
        #fixxit-checklist{font-family:sans-serif;padding:8px 20px 16px;border-bottom:1px solid #d0d7de;font-size:14px}
        #fixxit-checklist h2{margin:4px 0;font-size:18px}
        #fixxit-checklist h3{margin:14px 0 4px;font-size:15px;color:#24292f}
        #fixxit-checklist .fx-summary{margin:0 0 6px;color:#57606a}
        #fixxit-checklist ul{list-style:none;margin:0;padding:0}
        #fixxit-checklist .fx-line summary{cursor:pointer;padding:3px 0}
        #fixxit-checklist .fx-mark{display:inline-block;width:1.4em;text-align:center;font-weight:bold}
        #fixxit-checklist .fx-ticked{color:#1a7f37}
        #fixxit-checklist .fx-crossed{color:#cf222e}
        #fixxit-checklist .fx-incomplete{color:#9a6700}
        #fixxit-checklist .fx-not-run{color:#6e7781}
        #fixxit-checklist .fx-count,#fixxit-checklist .fx-file{color:#6e7781;font-size:12px}
        #fixxit-checklist .fx-example{color:#57606a}
        #fixxit-checklist .fx-scenarios{margin:2px 0 8px 2.2em}
        #fixxit-checklist .fx-scenario{padding:3px 0}
        #fixxit-checklist .fx-status{display:inline-block;min-width:5em;font-size:12px;font-weight:bold;text-transform:uppercase}
        #fixxit-checklist .fx-s-passed{color:#1a7f37}
        #fixxit-checklist .fx-s-failed{color:#cf222e}
        #fixxit-checklist .fx-s-skipped,#fixxit-checklist .fx-s-not-run{color:#6e7781}
        #fixxit-checklist .fx-failure{margin:4px 0 4px 5em;border-left:3px solid #cf222e;padding-left:8px}
        #fixxit-checklist .fx-message{white-space:pre-wrap;margin:2px 0;font-size:12px;background:#fff8f8}
        #fixxit-checklist .fx-shot{display:block;margin:4px 0 6px 5em;max-width:480px;border:1px solid #d0d7de}
        </style>
        """;
}
