using System.Text.Json.Nodes;

namespace Fixxit.Gherkin.NUnit.Checklists;

/// <summary>
/// Reads every scenario of a run out of its Cucumber message envelopes (the report's ndjson lines): the gherkin
/// documents give each scenario's written title, pickles the runnable scenarios (one per outline example row), test
/// cases and their last attempt's step results the status, attachments the screenshots.
/// </summary>
public static class ScenarioRuns
{
    public static IReadOnlyList<ScenarioRun> Read(IEnumerable<string> envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal); // scenario AST id -> written title
        var rows = new Dictionary<string, string>(StringComparer.Ordinal); // example row AST id -> "name = value, …"
        var pickles = new List<JsonNode>();
        var pickleOfCase = new Dictionary<string, string>(StringComparer.Ordinal); // test case id -> pickle id
        var stepsOfCase = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        var lastStart = new Dictionary<string, (string Id, int Attempt)>(StringComparer.Ordinal); // pickle id -> last attempt
        var results = new Dictionary<string, List<(string StepId, JsonNode Result)>>(StringComparer.Ordinal); // started id -> results
        var images = new Dictionary<string, List<ScenarioImage>>(StringComparer.Ordinal); // started id -> images

        foreach (var line in envelopes)
        {
            var envelope = JsonNode.Parse(line);
            if (envelope?["gherkinDocument"]?["feature"] is JsonObject feature) CollectTitles(feature, titles, rows);
            else if (envelope?["pickle"] is JsonObject pickle) pickles.Add(pickle);
            else if (envelope?["testCase"] is JsonObject testCase)
            {
                var id = (string)testCase["id"]!;
                pickleOfCase[id] = (string)testCase["pickleId"]!;
                stepsOfCase[id] = testCase["testSteps"] as JsonArray ?? [];
            }
            else if (envelope?["testCaseStarted"] is JsonObject started)
            {
                var pickleId = pickleOfCase.GetValueOrDefault((string)started["testCaseId"]!);
                var attempt = (int?)started["attempt"] ?? 0;
                if (pickleId is not null && (!lastStart.TryGetValue(pickleId, out var before) || attempt >= before.Attempt))
                {
                    lastStart[pickleId] = ((string)started["id"]!, attempt);
                }
            }
            else if (envelope?["testStepFinished"] is JsonObject finished)
            {
                var startedId = (string)finished["testCaseStartedId"]!;
                if (!results.TryGetValue(startedId, out var list)) results[startedId] = list = [];
                list.Add(((string)finished["testStepId"]!, finished["testStepResult"]!));
            }
            else if (envelope?["attachment"] is JsonObject attachment && IsImage(attachment) && (string?)attachment["testCaseStartedId"] is { } owner)
            {
                if (!images.TryGetValue(owner, out var list)) images[owner] = list = [];
                list.Add(new ScenarioImage((string)attachment["mediaType"]!, (string?)attachment["body"] ?? string.Empty, (string?)attachment["fileName"]));
            }
        }

        var caseOfPickle = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (caseId, pickleId) in pickleOfCase) caseOfPickle[pickleId] = caseId; // a pickle run twice: the later case
        return [.. pickles.Select(pickle =>
        {
            var id = (string)pickle["id"]!;
            var astIds = pickle["astNodeIds"] as JsonArray ?? [];
            var astId = astIds.Count > 0 ? (string?)astIds[0] ?? string.Empty : string.Empty;
            var name = (string?)pickle["name"] ?? string.Empty;
            var example = astIds.Count > 1 && (string?)astIds[1] is { } rowId ? rows.GetValueOrDefault(rowId) : null;
            var run = new ScenarioRun((string?)pickle["uri"] ?? string.Empty, titles.GetValueOrDefault(astId, name), name, example, ScenarioStatus.NotRun, null, null, []);
            if (!lastStart.TryGetValue(id, out var start)) return run;
            var steps = caseOfPickle.TryGetValue(id, out var caseId) ? stepsOfCase[caseId] : [];
            return Outcome(run, pickle, steps, results.GetValueOrDefault(start.Id) ?? [], images.GetValueOrDefault(start.Id) ?? []);
        })];
    }

    private static ScenarioRun Outcome(ScenarioRun run, JsonNode pickle, JsonArray testSteps, List<(string StepId, JsonNode Result)> results, List<ScenarioImage> images)
    {
        var failed = results.FirstOrDefault(r => IsFailure((string?)r.Result["status"]));
        if (failed.Result is not null)
        {
            var message = (string?)failed.Result["message"] ?? (string?)failed.Result["exception"]?["message"];
            return run with { Status = ScenarioStatus.Failed, FailedStep = StepText(pickle, testSteps, failed.StepId), FailureMessage = message, Images = images };
        }

        // A scenario passed when each of its own steps did; skipped steps (an ignored scenario) mean it did not run.
        if (results.Count == 0) return run;
        var passed = results.Where(r => IsScenarioStep(testSteps, r.StepId)).All(r => (string?)r.Result["status"] == "PASSED");
        return run with { Status = passed ? ScenarioStatus.Passed : ScenarioStatus.Skipped, Images = images };
    }

    private static bool IsScenarioStep(JsonArray testSteps, string testStepId) =>
        testSteps.Any(s => (string?)s?["id"] == testStepId && s?["pickleStepId"] is not null);

    private static bool IsFailure(string? status) => status is "FAILED" or "AMBIGUOUS" or "UNDEFINED" or "PENDING";

    /// <summary>"Then the page loads", or "a hook" when the failure was outside the scenario's steps.</summary>
    private static string StepText(JsonNode pickle, JsonArray testSteps, string testStepId)
    {
        var pickleStepId = (string?)testSteps.FirstOrDefault(s => (string?)s?["id"] == testStepId)?["pickleStepId"];
        var step = pickleStepId is null ? null : (pickle["steps"] as JsonArray)?.FirstOrDefault(s => (string?)s?["id"] == pickleStepId);
        return step is null ? "a hook" : (string?)step["text"] ?? "a step";
    }

    private static bool IsImage(JsonObject attachment) =>
        ((string?)attachment["mediaType"])?.StartsWith("image/", StringComparison.Ordinal) == true && (string?)attachment["contentEncoding"] == "BASE64";

    private static void CollectTitles(JsonObject container, Dictionary<string, string> titles, Dictionary<string, string> rows)
    {
        foreach (var child in container["children"] as JsonArray ?? [])
        {
            if (child?["scenario"] is JsonObject scenario)
            {
                titles[(string)scenario["id"]!] = (string?)scenario["name"] ?? string.Empty;
                foreach (var examples in scenario["examples"] as JsonArray ?? []) CollectRows(examples, rows);
            }
            else if (child?["rule"] is JsonObject rule)
            {
                CollectTitles(rule, titles, rows);
            }
        }
    }

    /// <summary>Each example row's values named by the header: "n = 1, sum = 101".</summary>
    private static void CollectRows(JsonNode? examples, Dictionary<string, string> rows)
    {
        var header = (examples?["tableHeader"]?["cells"] as JsonArray ?? []).Select(c => (string?)c?["value"] ?? string.Empty).ToList();
        foreach (var row in examples?["tableBody"] as JsonArray ?? [])
        {
            var values = (row?["cells"] as JsonArray ?? []).Select(c => (string?)c?["value"] ?? string.Empty);
            rows[(string)row!["id"]!] = string.Join(", ", header.Zip(values, (h, v) => $"{h} = {v}"));
        }
    }
}
