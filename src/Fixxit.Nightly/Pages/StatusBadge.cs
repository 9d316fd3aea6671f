using System.Globalization;
using System.Net;

namespace Fixxit.Nightly.Pages;

/// <summary>
/// A flat status badge (SVG) in the familiar two-part shape: "nightly | passing" (green), "failing" (red),
/// "no runs" (grey). Widths are estimated from the text (Verdana 11 px ≈ 6.5 px per character); no font is measured.
/// </summary>
public static class StatusBadge
{
    public static string Render(bool? lastRunPassed, string label = "nightly")
    {
        var (status, colour) = lastRunPassed switch
        {
            true => ("passing", "#2e7d32"),
            false => ("failing", "#c62828"),
            null => ("no runs", "#757575"),
        };
        var left = Width(label);
        var right = Width(status);
        var total = left + right;
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var l = WebUtility.HtmlEncode(label);
        var s = WebUtility.HtmlEncode(status);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{N(total)}" height="20" role="img" aria-label="{l}: {s}">
              <title>{l}: {s}</title>
              <clipPath id="r"><rect width="{N(total)}" height="20" rx="3" fill="#fff"/></clipPath>
              <g clip-path="url(#r)">
                <rect width="{N(left)}" height="20" fill="#555"/>
                <rect x="{N(left)}" width="{N(right)}" height="20" fill="{colour}"/>
              </g>
              <g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
                <text x="{N(left / 2)}" y="14">{l}</text>
                <text x="{N(left + (right / 2))}" y="14">{s}</text>
              </g>
            </svg>
            """;
    }

    private static double Width(string text) => Math.Round((text.Length * 6.5) + 12, 1);
}
