namespace Fixxit.Provisioning.Engine;

/// <summary>
/// Runs only the inspection of a planned step and keeps its plan. As a plan's output the result says what would
/// change; as apply's look-ahead it is an <see cref="StepResult.Inspection"/> (the step's own outcome follows later),
/// so a snapshot is taken only when something will really change.
/// </summary>
internal sealed class InspectStep<TState>(IPlannedStep<TState> step, bool lookAhead) : IStep
{
    public string Name => step.Name;

    public string Title => step.Title;

    public bool Inspection => lookAhead;

    public StepPlan<TState>? Plan { get; private set; }

    public bool WillChange => Plan?.WillChange ?? false;

    public async Task<StepResult> RunAsync(DeployContext ctx)
    {
        Plan = await step.InspectAsync(ctx).ConfigureAwait(false);
        return lookAhead ? new StepResult(Name, StepStatus.Unchanged, Plan.Summary) : Plan.AsResult();
    }
}
