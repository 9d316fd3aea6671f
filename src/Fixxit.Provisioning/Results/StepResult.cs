using System.Text.Json.Serialization;

namespace Fixxit.Provisioning;

/// <summary>
/// One step's outcome: its status, one human sentence, and the details behind it (commands run or planned, diff lines,
/// individual checks). Every text here has already been through <see cref="Fixxit.Masking.SecretMasker"/>.
/// </summary>
public sealed record StepResult(string Step, StepStatus Status, string Message)
{
    public IReadOnlyList<string> Details { get; init; } = [];

    public TimeSpan Duration { get; init; }

    /// <summary>
    /// True for a look-ahead: the step only inspected the target (apply looks at every step before it snapshots and
    /// changes anything), and its own outcome follows under the same name. Progress reports it; results, the journal
    /// and the CLI's step lines leave it out unless it failed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Inspection { get; init; }

    public override string ToString() => $"{Step}: {Status} — {Message}";
}
