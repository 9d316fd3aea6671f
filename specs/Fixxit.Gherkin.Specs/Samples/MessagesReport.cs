using System.Text.Json;

namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>
/// Reads a Cucumber messages ndjson file back: each pickle (scenario or example row) with the status the report shows,
/// the worst status of its steps (FAILED > UNDEFINED > PENDING > SKIPPED > PASSED), or null if it never ran.
/// </summary>
internal sealed class MessagesReport
{
    public sealed record Scenario(string Uri, string Name, string? Status, IReadOnlyList<string> Tags);

    public required IReadOnlyList<Scenario> Scenarios { get; init; }
    public required IReadOnlyList<JsonElement> Attachments { get; init; }
    public required int SourceCount { get; init; }
    public required int GherkinDocumentCount { get; init; }
    public required IReadOnlyList<string> AllIds { get; init; }

    private static readonly string[] Severity = ["PASSED", "SKIPPED", "PENDING", "UNDEFINED", "AMBIGUOUS", "FAILED"];

    public static MessagesReport Load(string path)
    {
        var pickles = new List<(string Id, string Uri, string Name, string[] Tags)>();
        var testCaseToPickle = new Dictionary<string, string>();
        var startedToTestCase = new Dictionary<string, string>();
        var statuses = new Dictionary<string, string>();
        var attachments = new List<JsonElement>();
        var ids = new List<string>();
        int sources = 0, documents = 0;
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            var envelope = JsonDocument.Parse(line).RootElement;
            if (envelope.TryGetProperty("source", out _)) sources++;
            if (envelope.TryGetProperty("gherkinDocument", out _)) documents++;
            if (envelope.TryGetProperty("pickle", out var pickle))
            {
                ids.Add(pickle.GetProperty("id").GetString()!);
                pickles.Add((pickle.GetProperty("id").GetString()!, pickle.GetProperty("uri").GetString()!, pickle.GetProperty("name").GetString()!,
                    pickle.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray()));
            }

            if (envelope.TryGetProperty("testCase", out var testCase))
                testCaseToPickle[testCase.GetProperty("id").GetString()!] = testCase.GetProperty("pickleId").GetString()!;
            if (envelope.TryGetProperty("testCaseStarted", out var started))
                startedToTestCase[started.GetProperty("id").GetString()!] = started.GetProperty("testCaseId").GetString()!;
            if (envelope.TryGetProperty("testStepFinished", out var step))
            {
                var pickleId = testCaseToPickle[startedToTestCase[step.GetProperty("testCaseStartedId").GetString()!]];
                var status = step.GetProperty("testStepResult").GetProperty("status").GetString()!;
                if (!statuses.TryGetValue(pickleId, out var worst) || Array.IndexOf(Severity, status) > Array.IndexOf(Severity, worst))
                    statuses[pickleId] = status;
            }

            if (envelope.TryGetProperty("attachment", out var attachment)) attachments.Add(attachment.Clone());
        }

        return new MessagesReport
        {
            Scenarios = pickles.Select(p => new Scenario(p.Uri, p.Name, statuses.GetValueOrDefault(p.Id), p.Tags)).ToArray(),
            Attachments = attachments,
            SourceCount = sources,
            GherkinDocumentCount = documents,
            AllIds = ids,
        };
    }
}
