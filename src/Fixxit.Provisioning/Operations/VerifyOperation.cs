using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Releases;
using Fixxit.Provisioning.Steps;

namespace Fixxit.Provisioning.Operations;

/// <summary>
/// <c>verify</c>: records a gate's verdict about the state the target is in now. A pass snapshots that state as a
/// release (code + DB, reason "verified by gate") so "the last verified release" is something a rollback can name; a
/// failure names the release that holds the failed state (<paramref name="failedRelease"/>, e.g. the snapshot a
/// rollback took of it). Either way the journal gets a <c>verify</c> line with the verdict and the report.
/// </summary>
internal static class VerifyOperation
{
    public const string StepName = "verify";

    public static OperationDefinition Define(GateVerdict verdict, string? failedRelease) => new()
    {
        Kind = ProvisionOperation.Verify,
        Preflight = new PreflightScope(TakeLock: true, Full: false, ApplyOptions.Default.StaleLockAge),
        SummaryIsLastStep = true,
        Journal = entry => entry with { Operation = JournalEntry.Verification, Outcome = verdict.Outcome, Report = verdict.ReportPath },
        Steps = _ => [new DelegateStep(StepName, "Record the gate's verdict", async ctx =>
        {
            if (!verdict.Passed)
            {
                ctx.Release = failedRelease;
                return new StepResult(StepName, StepStatus.Unchanged, $"{ctx.Target.Name}: gate {verdict.Outcome}{(failedRelease is null ? string.Empty : $" (the failed state is release {failedRelease})")}");
            }

            var id = await SnapshotStep.TakeAsync(ctx, "verified by gate").ConfigureAwait(false);
            ctx.Release = id;
            return new StepResult(StepName, StepStatus.Changed, $"{ctx.Target.Name}: release {id} holds the state the gate verified");
        })],
    };
}
