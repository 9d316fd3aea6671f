using System.Text.Json.Serialization;

namespace Fixxit.Cli.Commands;

/// <summary>
/// The one JSON document every verb prints on stdout with <c>--json</c> (docs/cli.md, "The --json envelope").
/// <see cref="Ok"/> is true exactly when <see cref="ExitCode"/> is 0; a failed run always carries at least one error.
/// </summary>
public sealed record CliEnvelope(
    [property: JsonPropertyOrder(0)] int SchemaVersion,
    [property: JsonPropertyOrder(1)] string Command,
    [property: JsonPropertyOrder(2)] bool Ok,
    [property: JsonPropertyOrder(3)] int ExitCode,
    [property: JsonPropertyOrder(4)] object? Data,
    [property: JsonPropertyOrder(5)] IReadOnlyList<CliError> Errors)
{
    /// <summary>Raised only when a field changes meaning or disappears; new fields in <see cref="Data"/> keep the version.</summary>
    public const int CurrentSchemaVersion = 1;
}

/// <summary>One error: a stable code (an exit-code name, <c>usage</c>, a rule id such as FIX003, a failure kind), the message, and where when known.</summary>
public sealed record CliError(string Code, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Setting { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? File { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Line { get; init; }
}
