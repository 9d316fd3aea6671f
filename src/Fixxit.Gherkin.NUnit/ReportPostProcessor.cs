using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fixxit.EnvConfig.Secrets;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// Runs after Reqnroll's formatters closed their files: masks every registered secret in the ndjson and the HTML
/// (plain, JSON-escaped and inside base64 text attachments), turns link attachments into text/uri-list, adds the run
/// header banner to the HTML and writes run-header.json. Each file is replaced atomically (temp file + move).
/// </summary>
internal static class ReportPostProcessor
{
    public const string HeaderFileName = "run-header.json";

    public static void Process(string directory, RunHeader header)
    {
        var masker = SecretMasker.Shared;
        var ndjson = Path.Combine(directory, GherkinTestRun.MessagesFileName);
        var replacements = new List<(string Original, string Rewritten)>();
        if (File.Exists(ndjson))
        {
            var lines = File.ReadAllLines(ndjson);
            for (var i = 0; i < lines.Length; i++)
            {
                var rewritten = RewriteEnvelope(lines[i], masker);
                if (!ReferenceEquals(rewritten, lines[i]) && rewritten != lines[i]) replacements.Add((lines[i], rewritten));
                lines[i] = rewritten;
            }

            WriteAtomically(ndjson, string.Join('\n', lines) + "\n");
        }

        var html = Path.Combine(directory, GherkinTestRun.HtmlFileName);
        if (File.Exists(html))
        {
            var text = File.ReadAllText(html);
            foreach (var (original, rewritten) in replacements)
            {
                text = text.Replace(original, rewritten, StringComparison.Ordinal);
            }

            text = RunHeaderBanner.Insert(masker.Mask(text), header, masker);
            WriteAtomically(html, text);
        }

        WriteAtomically(Path.Combine(directory, HeaderFileName), masker.Mask(RunHeaderBanner.ToJson(header)));
    }

    /// <summary>One envelope line, masked; attachments are decoded first so secrets inside base64 text are found.</summary>
    internal static string RewriteEnvelope(string line, SecretMasker masker)
    {
        if (!line.StartsWith("{\"attachment\"", StringComparison.Ordinal)) return masker.Mask(line);
        var envelope = JsonNode.Parse(line)!;
        var attachment = envelope["attachment"]!.AsObject();
        var mediaType = (string?)attachment["mediaType"] ?? string.Empty;
        var encoding = (string?)attachment["contentEncoding"] ?? "IDENTITY";
        var fileName = (string?)attachment["fileName"] ?? string.Empty;
        var isLink = fileName.EndsWith(ReportArtifacts.LinkSuffix, StringComparison.Ordinal);
        if (encoding == "BASE64" && (IsText(mediaType) || isLink))
        {
            var body = Encoding.UTF8.GetString(Convert.FromBase64String((string?)attachment["body"] ?? string.Empty));
            attachment["body"] = masker.Mask(body);
            attachment["contentEncoding"] = "IDENTITY";
            if (isLink)
            {
                attachment["mediaType"] = "text/uri-list";
                attachment["fileName"] = fileName[..^ReportArtifacts.LinkSuffix.Length];
            }

            return masker.Mask(envelope.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }

        return masker.Mask(line);
    }

    private static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.Ordinal) || mediaType is "application/json" or "application/xml";

    private static void WriteAtomically(string path, string content)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, content, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
