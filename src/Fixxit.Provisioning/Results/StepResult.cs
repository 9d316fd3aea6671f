namespace Fixxit.Provisioning;

/// <summary>
/// One step's outcome: its status, one human sentence, and the details behind it (commands run or planned, diff lines,
/// individual checks). Every text here has already been through <see cref="Fixxit.Masking.SecretMasker"/>.
/// </summary>
public sealed record StepResult(string Step, StepStatus Status, string Message)
{
    public IReadOnlyList<string> Details { get; init; } = [];

    public TimeSpan Duration { get; init; }

    public override string ToString() => $"{Step}: {Status} — {Message}";
}
