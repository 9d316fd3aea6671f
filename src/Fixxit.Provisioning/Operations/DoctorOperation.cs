using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Steps;

namespace Fixxit.Provisioning.Operations;

/// <summary><c>doctor</c>: the preflight as a report (no lock taken), plus config drift, the live rules on the deployed .env and start_server.sh (the checklist's), persisted URLs and health of an existing target. Changes nothing; a failed check is a problem found.</summary>
internal static class DoctorOperation
{
    public static OperationDefinition Define() => new()
    {
        Kind = ProvisionOperation.Doctor,
        Preflight = new PreflightScope(TakeLock: false, Full: true, ApplyOptions.Default.StaleLockAge),
        Journaled = false,
        FailuresAreFindings = true,
        Steps = ctx => !ctx.TargetExists ? [] :
        [
            new CheckStep<IReadOnlyList<RenderConfigStep.Rendered>>(new RenderConfigStep(), "Config drift", (c, plan) => plan.WillChange
                ? new StepResult(plan.Step, StepStatus.Failed, $"{c.Target.Name}'s config differs from what the topology renders: {plan.Summary}") { Details = plan.Details }
                : new StepResult(plan.Step, StepStatus.Unchanged, plan.Summary)),
            new CheckStep<IReadOnlyList<string>>(new LiveConfigStep(), "Live config (keys, ports, URLs)", (c, plan) => plan.WillChange
                ? new StepResult(plan.Step, StepStatus.Failed, $"{c.Target.Name}: {plan.Summary}") { Details = plan.Details }
                : new StepResult(plan.Step, StepStatus.Unchanged, plan.Summary)),
            new CheckStep<DatabaseStep.Work>(new DatabaseStep(), "Persisted URLs", (_, plan) => new StepResult(plan.Step, StepStatus.Unchanged, plan.Summary)),
            new CheckStep<string?>(new StartStep(() => false, ApplyOptions.Default.StartupTimeout), "Running and healthy", (c, plan) => plan.WillChange
                ? new StepResult(plan.Step, StepStatus.Failed, $"{c.Target.Name} is not running and healthy")
                : new StepResult(plan.Step, StepStatus.Unchanged, plan.Summary)),
        ],
    };
}
