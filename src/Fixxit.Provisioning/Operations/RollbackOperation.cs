using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Steps;

namespace Fixxit.Provisioning.Operations;

/// <summary><c>rollback [--to RELEASE]</c>: choose the release (the newest by default), snapshot the current state so the rollback can itself be undone, then restore code and database together, start and verify.</summary>
internal static class RollbackOperation
{
    private const string Choose = "choose-release";

    public static OperationDefinition Define(RollbackOptions options) => new()
    {
        Kind = ProvisionOperation.Rollback,
        Preflight = new PreflightScope(TakeLock: true, Full: false, options.StaleLockAge),
        Steps = _ =>
        [
            new DelegateStep(Choose, "Choose the release", ctx => ChooseAsync(ctx, options.To), inspection: true),
            new DelegateStep(SnapshotStep.Name, SnapshotStep.Title, async ctx =>
            {
                if (!ctx.TargetExists) return new StepResult(SnapshotStep.Name, StepStatus.Skipped, $"{ctx.Target.Name} does not exist: nothing to snapshot");
                var id = await SnapshotStep.TakeAsync(ctx, "before rollback").ConfigureAwait(false);
                return new StepResult(SnapshotStep.Name, StepStatus.Changed, $"release {id}: the state being rolled back (roll forward with --to {id})");
            }),
            new DelegateStep(RestoreReleaseStep.Name, RestoreReleaseStep.Title, ctx => RestoreReleaseStep.RunAsync(ctx, ctx.Release!, options.StartupTimeout)),
        ],
    };

    /// <summary>The named release, or the newest; it must exist and have a manifest before anything is touched.</summary>
    private static async Task<StepResult> ChooseAsync(DeployContext ctx, string? to)
    {
        var releases = await SnapshotStep.ListAsync(ctx).ConfigureAwait(false);
        var chosen = to ?? releases.LastOrDefault()
            ?? throw new ProvisioningException(FailureKind.BadInput, $"no releases in {ctx.Layout.Releases}: nothing to roll back to");
        if (!releases.Contains(chosen))
        {
            throw new ProvisioningException(FailureKind.BadInput,
                $"no release '{chosen}' in {ctx.Layout.Releases} ({(releases.Count == 0 ? "there are none" : "have: " + string.Join(", ", releases.TakeLast(10)))})");
        }

        var manifest = await RestoreReleaseStep.ReadManifestAsync(ctx, chosen).ConfigureAwait(false);
        ctx.Release = chosen;
        return new StepResult(Choose, StepStatus.Unchanged, $"release {chosen} ({manifest.Reason})");
    }
}
