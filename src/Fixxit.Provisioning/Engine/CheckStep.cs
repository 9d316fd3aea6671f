namespace Fixxit.Provisioning.Engine;

/// <summary>Doctor's use of a planned step: inspect only, and judge what was found (drift is a finding, not a change to make).</summary>
internal sealed class CheckStep<TState>(IPlannedStep<TState> step, string title, Func<DeployContext, StepPlan<TState>, StepResult> judge) : IStep
{
    public string Name => step.Name;

    public string Title => title;

    public bool Inspection => false;

    public async Task<StepResult> RunAsync(DeployContext ctx) => judge(ctx, await step.InspectAsync(ctx).ConfigureAwait(false));
}
