using Fixxit.Provisioning.Steps;

namespace Fixxit.Provisioning.Engine;

/// <summary>What a changing verb does after a failed step, before the journal line is written.</summary>
internal static class AutoRollback
{
    /// <summary>Puts back the snapshot this run took before changing anything (code and database together); true when it did.</summary>
    public static async Task<bool> ToSnapshotAsync(DeployContext ctx, RunRecorder run, TimeSpan startupTimeout)
    {
        if (ctx.SnapshotRelease is not { } snapshot) return false;
        try
        {
            var result = await RestoreReleaseStep.RunAsync(ctx, snapshot, startupTimeout).ConfigureAwait(false);
            run.Add(result with { Step = "auto-rollback", Message = "automatic rollback: " + result.Message }, FailureKind.None);
            return true;
        }
        catch (Exception e) when (RunRecorder.Classify(e) is not null)
        {
            run.Add(new StepResult("auto-rollback", StepStatus.Failed, $"automatic rollback to release {snapshot} ALSO failed: {e.Message}; restore by hand from {ctx.Layout.Release(snapshot)}"), FailureKind.StepFailed);
            return false;
        }
    }

    /// <summary>
    /// Apply: roll back to the snapshot; on first provisioning there is none, so stop anything the run started — the
    /// partial tree stays and the next apply converges.
    /// </summary>
    public static async Task<bool> ToSnapshotOrStopAsync(DeployContext ctx, RunRecorder run, TimeSpan startupTimeout)
    {
        if (ctx.SnapshotRelease is not null) return await ToSnapshotAsync(ctx, run, startupTimeout).ConfigureAwait(false);
        if (!ctx.TargetExists)
        {
            await ctx.RunAsync($"test -f {DeployContext.Q(ctx.TargetPath(ctx.Target.Commands.Script))} && cd {DeployContext.Q(ctx.Target.Directory)} && {ctx.Target.Commands.Stop}").ConfigureAwait(false);
        }

        return false;
    }
}
