using System.Text.Json;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Steps;

namespace Fixxit.Provisioning.Operations;

/// <summary>
/// <c>apply</c> and <c>apply --update</c>: look at every step first (Terraform-style look-aheads), snapshot only if
/// something will change, then copy, render, database, dependencies, start and verify, record. A failure after the
/// snapshot rolls back to it; a failed first provisioning stops what it started.
/// </summary>
internal static class ApplyOperation
{
    public static OperationDefinition Define(ApplyOptions apply) => new()
    {
        Kind = apply.Update ? ProvisionOperation.Update : ProvisionOperation.Apply,
        Preflight = new PreflightScope(TakeLock: true, Full: true, apply.StaleLockAge),
        Apply = apply,
        Recover = (ctx, run) => AutoRollback.ToSnapshotOrStopAsync(ctx, run, apply.StartupTimeout),
        Release = ctx => ctx.SnapshotRelease,
        Steps = run =>
        {
            SyncTreeStep sync = new();
            RenderConfigStep config = new();
            DatabaseStep database = new();
            DependenciesStep dependencies = new();
            InspectStep<IReadOnlyList<string>> syncLook = new(sync, lookAhead: true);
            InspectStep<IReadOnlyList<RenderConfigStep.Rendered>> configLook = new(config, lookAhead: true);
            InspectStep<DatabaseStep.Work> databaseLook = new(database, lookAhead: true);
            InspectStep<DependenciesStep.Needs> dependenciesLook = new(dependencies, lookAhead: true);
            bool WillChange() => syncLook.WillChange || configLook.WillChange || databaseLook.WillChange || dependenciesLook.WillChange;
            return
            [
                UpdateNeedsATarget(apply),
                syncLook, configLook, databaseLook, dependenciesLook,
                new DelegateStep(SnapshotStep.Name, SnapshotStep.Title, async ctx =>
                {
                    if (!WillChange()) return new StepResult(SnapshotStep.Name, StepStatus.Unchanged, "nothing will change: no snapshot needed");
                    if (!ctx.TargetExists) return new StepResult(SnapshotStep.Name, StepStatus.Skipped, $"{ctx.Target.Name} does not exist yet: nothing to snapshot");
                    var id = await SnapshotStep.TakeAsync(ctx, apply.Update ? "before update" : "before apply").ConfigureAwait(false);
                    return new StepResult(SnapshotStep.Name, StepStatus.Changed, $"release {id}: code and database of {ctx.Target.Name} before this run");
                }),
                new ExecuteStep<IReadOnlyList<string>>(sync, syncLook, reinspectAfterChanges: false),
                new ExecuteStep<IReadOnlyList<RenderConfigStep.Rendered>>(config, configLook, reinspectAfterChanges: true),
                new ExecuteStep<DatabaseStep.Work>(database, databaseLook, reinspectAfterChanges: false),
                new ExecuteStep<DependenciesStep.Needs>(dependencies, dependenciesLook, reinspectAfterChanges: true),
                new ExecuteStep<string?>(new StartStep(() => run.TargetChanged, apply.StartupTimeout), null, reinspectAfterChanges: false),
                new DelegateStep("record", "Record the release", ctx => RecordAsync(ctx, apply)),
            ];
        },
    };

    /// <summary><c>--update</c> on an environment that was never provisioned is a mistake, found before anything is looked at.</summary>
    public static IStep UpdateNeedsATarget(ApplyOptions apply) =>
        new DelegateStep("update", "Check the target is provisioned", ctx => !apply.Update || ctx.TargetExists
            ? Task.FromResult(new StepResult("update", StepStatus.Unchanged, ctx.TargetExists ? $"{ctx.Target.Name} is provisioned" : "not an update"))
            : throw new ProvisioningException(FailureKind.BadInput, $"{ctx.Target.Name} is not provisioned yet: run apply first"), inspection: true);

    private static async Task<StepResult> RecordAsync(DeployContext ctx, ApplyOptions apply)
    {
        if (!ctx.TargetChanged) return new StepResult("record", StepStatus.Unchanged, "no-op run: journaled, nothing else recorded");
        var current = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["environment"] = ctx.Target.Name,
            ["deployedAt"] = DateTimeOffset.UtcNow,
            ["runId"] = ctx.RunId,
            ["source"] = ctx.Source.Name,
            ["sourceCommit"] = ctx.SourceCommit,
            ["keyFingerprints"] = ctx.KeyFingerprints,
            ["snapshotBefore"] = ctx.SnapshotRelease,
        }, ProvisionResult.JsonOptions);
        await ctx.Ssh.WriteFileAtomicAsync(ctx.Layout.Current, current, "644", ctx.Ct).ConfigureAwait(false);
        var pruned = await SnapshotStep.PruneAsync(ctx, apply.KeepReleases).ConfigureAwait(false);
        return new StepResult("record", StepStatus.Changed, $"{ctx.Layout.Current} updated{(ctx.SnapshotRelease is { } s ? $"; rollback target: release {s}" : string.Empty)}{(pruned.Count > 0 ? $"; pruned {pruned.Count} old release(s)" : string.Empty)}");
    }
}
