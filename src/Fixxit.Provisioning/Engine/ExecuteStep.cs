namespace Fixxit.Provisioning.Engine;

/// <summary>Executes a planned step with the plan its look-ahead found, or inspects again first when that plan may be stale.</summary>
/// <param name="reinspectAfterChanges">Inspect again when this run has changed the target since the look-ahead (the copy may have changed what the step reads).</param>
internal sealed class ExecuteStep<TState>(IPlannedStep<TState> step, InspectStep<TState>? lookAhead, bool reinspectAfterChanges) : IStep
{
    public string Name => step.Name;

    public string Title => step.Title;

    public bool Inspection => false;

    public async Task<StepResult> RunAsync(DeployContext ctx)
    {
        var plan = lookAhead?.Plan is { } looked && !(reinspectAfterChanges && ctx.TargetChanged)
            ? looked
            : await step.InspectAsync(ctx).ConfigureAwait(false);
        return await step.ExecuteAsync(ctx, plan).ConfigureAwait(false);
    }
}
