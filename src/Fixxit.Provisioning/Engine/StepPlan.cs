namespace Fixxit.Provisioning.Engine;

/// <summary>What a step found when it looked (without changing anything): whether it would change the target, and exactly what.</summary>
internal sealed record StepPlan(string Step, bool WillChange, string Summary, IReadOnlyList<string> Details)
{
    /// <summary>Step-private findings reused by the execution (e.g. rendered file contents).</summary>
    public object? State { get; init; }

    public StepResult AsResult(TimeSpan duration) =>
        new(Step, WillChange ? StepStatus.Changed : StepStatus.Unchanged, Summary) { Details = Details, Duration = duration };
}
