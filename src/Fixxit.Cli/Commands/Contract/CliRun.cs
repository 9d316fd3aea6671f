using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Fixxit.Masking;

namespace Fixxit.Cli.Commands;

/// <summary>
/// One invocation of <c>fixxit</c>: which verb, whether <c>--json</c> was asked for, the verb's data and its errors;
/// at the end <see cref="Finish"/> writes the one envelope (<see cref="CliEnvelope"/>) to the real stdout. Verbs report
/// data here instead of printing JSON themselves, so there is one shape and one writer.
/// </summary>
public sealed class CliRun(string command, bool json, TextWriter stdout)
{
    /// <summary>A run nobody writes out (settings constructed outside <see cref="CliHost"/>, e.g. in a unit spec).</summary>
    internal static CliRun Detached => new(string.Empty, false, TextWriter.Null);

    private readonly List<CliError> _errors = [];

    public string Command { get; } = command;

    public bool Json { get; } = json;

    public object? Data { get; private set; }

    public IReadOnlyList<CliError> Errors => _errors;

    /// <summary>The verb's payload for <c>data</c> (e.g. apply's steps, snapshot and releases); the last call wins.</summary>
    public void Report(object? data) => Data = data;

    public void Error(CliError error) => _errors.Add(error with { Message = SecretMasker.Shared.Mask(error.Message) });

    public void Error(string code, string message) => Error(new CliError(code, message));

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        // Readable messages (`fixxit apply`, it's) on a stream no browser renders as HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() }, // enum values as declared (StepFailed, Unchanged), as the journal writes them
    };

    /// <summary>The envelope for this exit code: a failure without a reported error gets one named after its exit code.</summary>
    public CliEnvelope Envelope(int exitCode)
    {
        var errors = exitCode != ExitCodes.Ok && _errors.Count == 0
            ? [new CliError(ExitCodes.NameOf(exitCode), $"{(Command.Length > 0 ? Command : "fixxit")} exited {exitCode} ({ExitCodes.NameOf(exitCode)})")]
            : _errors.ToList();
        return new CliEnvelope(CliEnvelope.CurrentSchemaVersion, Command, exitCode == ExitCodes.Ok, exitCode, Data, errors);
    }

    /// <summary>With <c>--json</c>: writes the envelope, every string in it masked (after serialisation a secret could hide behind JSON escapes).</summary>
    public void Finish(int exitCode)
    {
        if (!Json) return;
        var node = JsonSerializer.SerializeToNode(Envelope(exitCode), JsonOptions)!;
        stdout.WriteLine(MaskStrings(node).ToJsonString(JsonOptions));
        stdout.Flush();
    }

    private static JsonNode MaskStrings(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (value is not null) o[key] = MaskStrings(value.DeepClone());
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item) a[i] = MaskStrings(item.DeepClone());
                }

                return a;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(SecretMasker.Shared.Mask(v.GetValue<string>()));
            default:
                return node;
        }
    }
}
