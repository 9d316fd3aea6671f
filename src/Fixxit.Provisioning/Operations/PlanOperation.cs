using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Steps;

namespace Fixxit.Provisioning.Operations;

/// <summary><c>plan</c>: preflight without the lock, then what every apply step would do (rsync's itemized list, file diffs), a restart if one is due, and whether a snapshot would be taken. Changes nothing; not journaled.</summary>
internal static class PlanOperation
{
    public static OperationDefinition Define(ApplyOptions apply) => new()
    {
        Kind = ProvisionOperation.Plan,
        Preflight = new PreflightScope(TakeLock: false, Full: true, apply.StaleLockAge),
        Apply = apply,
        Journaled = false,
        Steps = ctx =>
        {
            InspectStep<IReadOnlyList<string>> sync = new(new SyncTreeStep(), lookAhead: false);
            InspectStep<IReadOnlyList<RenderConfigStep.Rendered>> config = new(new RenderConfigStep(), lookAhead: false);
            InspectStep<DatabaseStep.Work> database = new(new DatabaseStep(), lookAhead: false);
            InspectStep<DependenciesStep.Needs> dependencies = new(new DependenciesStep(), lookAhead: false);
            bool Changes() => sync.WillChange || config.WillChange || database.WillChange || dependencies.WillChange;
            return
            [
                ApplyOperation.UpdateNeedsATarget(apply),
                sync, config, database, dependencies,
                new InspectStep<string?>(new StartStep(Changes, apply.StartupTimeout), lookAhead: false),
                new DelegateStep(SnapshotStep.Name, SnapshotStep.Title, _ => Task.FromResult(!Changes()
                    ? new StepResult(SnapshotStep.Name, StepStatus.Unchanged, "nothing would change: no snapshot needed")
                    : ctx.TargetExists
                        ? new StepResult(SnapshotStep.Name, StepStatus.Changed, $"would snapshot {ctx.Target.Name}'s code and database into {ctx.Layout.Releases}/ first")
                        : new StepResult(SnapshotStep.Name, StepStatus.Skipped, $"{ctx.Target.Name} does not exist yet: nothing to snapshot"))),
            ];
        },
    };
}
