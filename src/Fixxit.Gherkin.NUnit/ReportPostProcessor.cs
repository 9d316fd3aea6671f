using System.Text;
using System.Text.Json.Nodes;
using Fixxit.Gherkin.NUnit.Checklists;
using Fixxit.Masking;
using NUnit.Framework;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// Runs after Reqnroll's formatters closed their files. Masks every registered secret in each Cucumber message (every
/// string value, text attachments decoded from base64 first), turns link attachments into text/uri-list, writes the
/// masked messages back to the ndjson and into the HTML's message array, adds the run header banner and (when the project
/// has a checklist) the checklist view built from the masked messages, and writes run-header.json. Each file is replaced atomically (temp file + move).
/// </summary>
internal static class ReportPostProcessor
{
    public const string HeaderFileName = "run-header.json";

    public static void Process(string directory, RunHeader header, ChecklistDefinition? checklist = null)
    {
        var masker = SecretMasker.Shared;
        var ndjson = Path.Combine(directory, GherkinTestRun.MessagesFileName);
        string[]? envelopes = null;
        if (File.Exists(ndjson))
        {
            envelopes = File.ReadLines(ndjson).Where(l => l.Length > 0).Select(l => RewriteEnvelope(l, masker)).ToArray();
            WriteAtomically(ndjson, string.Join('\n', envelopes) + "\n");
        }

        var html = Path.Combine(directory, GherkinTestRun.HtmlFileName);
        if (File.Exists(html))
        {
            var text = File.ReadAllText(html);
            if (envelopes is not null) text = HtmlMessages.Replace(text, envelopes) ?? text;
            // The whole page once more: the title, anything outside the message array, and a safety net.
            var view = checklist is null ? string.Empty : RenderChecklist(checklist, envelopes ?? [], masker);
            text = RunHeaderBanner.Insert(masker.Mask(text), header, masker, view);
            WriteAtomically(html, text);
        }

        WriteAtomically(Path.Combine(directory, HeaderFileName), masker.Mask(RunHeaderBanner.ToJson(header)));
    }

    /// <summary>
    /// The checklist view; if it cannot be built, a note saying why in its place, so the report is still finished and
    /// masked (a broken view must never leave an unmasked page behind).
    /// </summary>
    private static string RenderChecklist(ChecklistDefinition checklist, IReadOnlyList<string> envelopes, SecretMasker masker)
    {
        try
        {
            return ChecklistView.Render(checklist, ScenarioRuns.Read(envelopes), masker);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var message = masker.Mask($"The checklist view of {checklist.Source} could not be built: {exception.GetType().Name}: {exception.Message}");
            TestContext.Progress.WriteLine(message);
            return $"<section id=\"{ChecklistView.ElementId}\" style=\"font-family:sans-serif;padding:8px 20px;color:#cf222e\">{System.Net.WebUtility.HtmlEncode(message)}</section>";
        }
    }

    /// <summary>One envelope line, masked. Unchanged lines are returned as they were.</summary>
    internal static string RewriteEnvelope(string line, SecretMasker masker)
    {
        var envelope = JsonNode.Parse(line)!;
        var changed = envelope["attachment"] is JsonObject attachment && DecodeTextAttachment(attachment);
        changed |= MaskStrings(envelope, masker);
        return changed ? envelope.ToJsonString() : line;
    }

    /// <summary>Base64 text (and link files) become plain text, so the masker can see inside and the viewer shows it.</summary>
    private static bool DecodeTextAttachment(JsonObject attachment)
    {
        var mediaType = (string?)attachment["mediaType"] ?? string.Empty;
        var fileName = (string?)attachment["fileName"] ?? string.Empty;
        var isLink = fileName.EndsWith(ReportArtifacts.LinkSuffix, StringComparison.Ordinal);
        if ((string?)attachment["contentEncoding"] != "BASE64" || !(IsText(mediaType) || isLink)) return false;

        attachment["body"] = Encoding.UTF8.GetString(Convert.FromBase64String((string?)attachment["body"] ?? string.Empty));
        attachment["contentEncoding"] = "IDENTITY";
        if (isLink)
        {
            attachment["mediaType"] = "text/uri-list";
            attachment["fileName"] = fileName[..^ReportArtifacts.LinkSuffix.Length];
        }

        return true;
    }

    private static bool MaskStrings(JsonNode? node, SecretMasker masker)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToArray())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        var masked = masker.Mask(text);
                        if (masked != text)
                        {
                            obj[key] = masked;
                            changed = true;
                        }
                    }
                    else
                    {
                        changed |= MaskStrings(obj[key], masker);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        var masked = masker.Mask(text);
                        if (masked != text)
                        {
                            array[i] = masked;
                            changed = true;
                        }
                    }
                    else
                    {
                        changed |= MaskStrings(array[i], masker);
                    }
                }

                break;
        }

        return changed;
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
