using System.Text;
using System.Text.Json;

namespace Fixxit.Nightly.Results;

/// <summary>
/// The readable name of each scenario, "Feature: Scenario", from the run's <c>report.ndjson</c> (Cucumber messages):
/// a scenario by its feature file and line (the JUnit <c>Gherkin</c> property), an outline's example row by the
/// outline's name as a test method plus the row's cells (JUnit has no line for rows), named as its pickle is
/// ("The dev database …", not "The &lt;environment&gt; database …"). Test names lose apostrophes and placeholders;
/// these names are what the feature files say.
/// </summary>
public sealed class ScenarioNames
{
    public const string FileName = "report.ndjson";

    private readonly Dictionary<string, string> _byLocation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byRow = new(StringComparer.Ordinal);

    public static ScenarioNames Empty { get; } = new();

    public static ScenarioNames Read(string path)
    {
        var names = new ScenarioNames();
        var rows = new Dictionary<string, (string Uri, string Feature, string Outline, string Cells)>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            try
            {
                using var message = JsonDocument.Parse(line);
                if (message.RootElement.TryGetProperty("gherkinDocument", out var document)) names.AddDocument(document, rows);
                else if (message.RootElement.TryGetProperty("pickle", out var pickle)) names.AddPickle(pickle, rows);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}: line {lineNumber}: not a Cucumber message ({e.Message})", e);
            }
        }

        return names;
    }

    /// <summary>"Feature: Scenario" for a JUnit case, or null when the messages do not name it.</summary>
    public string? For(string? featureFile, string? location, string method)
    {
        if (location is not null && _byLocation.TryGetValue(location, out var named)) return named;
        var open = method.IndexOf('(', StringComparison.Ordinal);
        if (featureFile is null || open < 0) return null;
        var key = RowKey(featureFile, Identifier(method[..open]), Cells(method[(open + 1)..].TrimEnd(')').Split(',')));
        return _byRow.TryGetValue(key, out var row) ? row : null;
    }

    private void AddDocument(JsonElement document, Dictionary<string, (string, string, string, string)> rows)
    {
        var uri = document.GetProperty("uri").GetString() ?? string.Empty;
        if (!document.TryGetProperty("feature", out var feature)) return;
        var featureName = feature.GetProperty("name").GetString() ?? string.Empty;
        foreach (var scenario in Scenarios(feature))
        {
            var name = scenario.GetProperty("name").GetString() ?? string.Empty;
            _byLocation[$"{uri}:{scenario.GetProperty("location").GetProperty("line").GetInt32()}"] = $"{featureName}: {name}";
            if (!scenario.TryGetProperty("examples", out var examples)) continue;
            foreach (var row in examples.EnumerateArray().SelectMany(e => e.TryGetProperty("tableBody", out var body) ? body.EnumerateArray() : Enumerable.Empty<JsonElement>()))
            {
                var cells = Cells(row.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("value").GetString() ?? string.Empty));
                rows[row.GetProperty("id").GetString() ?? string.Empty] = (uri, featureName, Identifier(name), cells);
            }
        }
    }

    private void AddPickle(JsonElement pickle, Dictionary<string, (string Uri, string Feature, string Outline, string Cells)> rows)
    {
        var name = pickle.GetProperty("name").GetString() ?? string.Empty;
        foreach (var id in pickle.GetProperty("astNodeIds").EnumerateArray().Select(i => i.GetString() ?? string.Empty))
        {
            if (rows.TryGetValue(id, out var row)) _byRow[RowKey(row.Uri, row.Outline, row.Cells)] = $"{row.Feature}: {name}";
        }
    }

    private static IEnumerable<JsonElement> Scenarios(JsonElement parent)
    {
        if (!parent.TryGetProperty("children", out var children)) yield break;
        foreach (var child in children.EnumerateArray())
        {
            if (child.TryGetProperty("scenario", out var scenario)) yield return scenario;
            if (child.TryGetProperty("rule", out var rule))
            {
                foreach (var inner in Scenarios(rule)) yield return inner;
            }
        }
    }

    private static string RowKey(string uri, string outline, string cells) => $"{uri}|{outline}|{cells}";

    private static string Cells(IEnumerable<string> cells) => string.Join('\u001f', cells.Select(c => c.Trim().Trim('"')));

    /// <summary>A name as a test method spells it: letters and digits, every other run of characters one underscore.</summary>
    private static string Identifier(string name)
    {
        var id = new StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsLetterOrDigit(ch)) id.Append(ch);
            else if (id.Length > 0 && id[^1] != '_') id.Append('_');
        }

        return id.ToString().TrimEnd('_');
    }
}
