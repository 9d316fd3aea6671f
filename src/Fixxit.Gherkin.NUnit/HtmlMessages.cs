namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// The message array the Cucumber HTML formatter embeds (<c>window.CUCUMBER_MESSAGES = [ … ];</c> in a script tag),
/// replaced by the masked envelopes of the ndjson, which carries the same messages.
/// </summary>
internal static class HtmlMessages
{
    private const string Start = "window.CUCUMBER_MESSAGES = [";

    /// <summary>The page with its messages replaced, or null when the page does not have the expected shape.</summary>
    public static string? Replace(string html, IReadOnlyList<string> envelopes)
    {
        var start = html.IndexOf(Start, StringComparison.Ordinal);
        if (start < 0) return null;
        var content = start + Start.Length;
        // The array cannot contain "</script>" (the page would already be broken), so the first one closes it.
        var scriptEnd = html.IndexOf("</script>", content, StringComparison.Ordinal);
        if (scriptEnd < 0) return null;
        var arrayEnd = html.LastIndexOf("];", scriptEnd, scriptEnd - content, StringComparison.Ordinal);
        if (arrayEnd < 0) return null;
        return string.Concat(html.AsSpan(0, content), string.Join(",", envelopes.Select(ScriptSafe)), html.AsSpan(arrayEnd));
    }

    /// <summary>JSON stays valid with "&lt;/" written as "&lt;\/", and no text can close the script element.</summary>
    private static string ScriptSafe(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);
}
