namespace Fixxit.Provisioning.Engine;

/// <summary>
/// A step that looks before it changes: <see cref="InspectAsync"/> finds what would change without changing anything
/// (a plan's output, apply's look-ahead, doctor's drift check); <see cref="ExecuteAsync"/> makes it so, reusing the
/// typed <typeparamref name="TState"/> the inspection found.
/// </summary>
internal interface IPlannedStep<TState>
{
    string Name { get; }

    string Title { get; }

    Task<StepPlan<TState>> InspectAsync(DeployContext ctx);

    Task<StepResult> ExecuteAsync(DeployContext ctx, StepPlan<TState> plan);
}
