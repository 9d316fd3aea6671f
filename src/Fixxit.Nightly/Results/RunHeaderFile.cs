using System.Text.Json;

namespace Fixxit.Nightly.Results;

/// <summary>
/// Reads <c>run-header.json</c>, the file the Gherkin bridge writes beside its report (see docs/reports.md): the
/// verdict, target, app version, start and end, and the failed scenarios as "Feature: Scenario (file:line)".
/// </summary>
public sealed record RunHeaderFile(
    string Verdict,
    string? TargetEnvironment,
    string? AppVersion,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<string> Failures)
{
    public const string FileName = "run-header.json";

    public static RunHeaderFile Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            DateTimeOffset? Time(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetDateTimeOffset() : null;
            var failures = root.TryGetProperty("Failures", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
                : [];
            return new RunHeaderFile(
                Text("Verdict") ?? throw new InvalidDataException($"{path}: no \"Verdict\""),
                Text("TargetEnvironment"), Text("AppVersion"), Time("StartedAt"), Time("FinishedAt"), failures);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber + 1}: not the bridge's run header ({e.Message})", e);
        }
    }
}
