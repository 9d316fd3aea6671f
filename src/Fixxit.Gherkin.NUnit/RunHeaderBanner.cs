using System.Net;
using System.Text;
using System.Text.Json;
using Fixxit.Masking;

namespace Fixxit.Gherkin.NUnit;

/// <summary>The run header as a static banner at the top of the HTML report, and as JSON beside it.</summary>
internal static class RunHeaderBanner
{
    public const string ElementId = "fixxit-run-header";

    /// <param name="following">HTML placed right below the banner, above the Cucumber viewer (the checklist view).</param>
    public static string Insert(string html, RunHeader header, SecretMasker masker, string following = "")
    {
        html = ReplaceTitle(html, Encode(header.Title, masker) + " — " + header.Verdict);
        var banner = Render(header, masker) + following;
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        if (body < 0) return banner + html;
        var end = html.IndexOf('>', body);
        return html.Insert(end + 1, banner);
    }

    /// <summary>The browser tab names the run and its verdict instead of "Reqnroll Report &lt;date&gt;".</summary>
    private static string ReplaceTitle(string html, string title)
    {
        var start = html.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        var end = start < 0 ? -1 : html.IndexOf("</title>", start, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html : string.Concat(html.AsSpan(0, start + "<title>".Length), title, html.AsSpan(end));
    }

    public static string Render(RunHeader header, SecretMasker masker)
    {
        var color = header.Verdict == "PASSED" ? "#1a7f37" : header.Verdict == "FAILED" ? "#cf222e" : "#9a6700";
        var html = new StringBuilder();
        html.Append("<section id=\"").Append(ElementId).Append("\" style=\"font-family:sans-serif;padding:12px 20px;border-bottom:4px solid ")
            .Append(color).Append(";background:#f6f8fa\">");
        html.Append("<h1 style=\"margin:0 0 8px;font-size:20px\">").Append(Encode(header.Title, masker)).Append(" — <span data-verdict=\"")
            .Append(header.Verdict).Append("\" style=\"color:").Append(color).Append("\">").Append(header.Verdict).Append("</span></h1>");
        html.Append("<table style=\"border-collapse:collapse;font-size:14px\">");
        foreach (var (name, value) in header.Rows())
        {
            html.Append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">").Append(Encode(name, masker))
                .Append("</th><td>").Append(Encode(value, masker)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (header.Failures.Count > 0)
        {
            html.Append("<details open><summary>Failed scenarios</summary><ul>");
            foreach (var failure in header.Failures)
            {
                html.Append("<li>").Append(Encode(failure, masker)).Append("</li>");
            }

            html.Append("</ul></details>");
        }

        return html.Append("</section>").ToString();
    }

    public static string ToJson(RunHeader header) => JsonSerializer.Serialize(new
    {
        header.Title,
        header.Verdict,
        header.TargetEnvironment,
        header.AppVersion,
        header.StartedAt,
        header.FinishedAt,
        header.Passed,
        header.Failed,
        header.Skipped,
        header.HookFailed,
        header.Failures,
        Details = header.Details.ToDictionary(p => p.Key, p => p.Value),
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static string Encode(string text, SecretMasker masker) => WebUtility.HtmlEncode(masker.Mask(text));
}
