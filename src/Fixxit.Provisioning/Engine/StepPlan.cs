namespace Fixxit.Provisioning.Engine;

/// <summary>What a step found when it looked (without changing anything): whether it would change the target, exactly what, and the step's own findings for the execution.</summary>
internal sealed record StepPlan<TState>(string Step, bool WillChange, string Summary, IReadOnlyList<string> Details, TState State)
{
    public StepResult AsResult() => new(Step, WillChange ? StepStatus.Changed : StepStatus.Unchanged, Summary) { Details = Details };
}
