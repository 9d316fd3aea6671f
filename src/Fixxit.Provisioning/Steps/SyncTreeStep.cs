using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;

namespace Fixxit.Provisioning.Steps;

/// <summary>
/// Step 3: copy the source tree into the target with rsync ON the host, honouring the declared exclusions. The dry run's
/// itemized list is the plan's diff and the idempotence check: nothing listed, nothing copied.
/// </summary>
internal sealed class SyncTreeStep : IPlannedStep<IReadOnlyList<string>>
{
    public const string StepName = "sync";

    public string Name => StepName;

    public string Title => "Copy the tree (rsync on the host)";

    /// <summary>The dry run; its state is the itemized list of what differs.</summary>
    public async Task<StepPlan<IReadOnlyList<string>>> InspectAsync(DeployContext ctx)
    {
        var command = RsyncCommand.Sync(ctx.Source, ctx.Target, dryRun: true);
        var result = await ctx.RunCheckedAsync(command).ConfigureAwait(false);
        var changes = RsyncCommand.Changes(result.StdOut);
        var summary = changes.Count == 0
            ? $"{ctx.Target.Directory} already matches {ctx.Source.Directory} (exclusions: {string.Join(", ", ctx.Target.CopyExclusions)})"
            : $"{changes.Count} item(s) to copy from {ctx.Source.Directory}";
        return new StepPlan<IReadOnlyList<string>>(Name, changes.Count > 0, summary, [$"$ {RsyncCommand.Sync(ctx.Source, ctx.Target, dryRun: false)}", .. changes.Take(200), .. changes.Count > 200 ? [$"… and {changes.Count - 200} more"] : Array.Empty<string>()], changes);
    }

    public async Task<StepResult> ExecuteAsync(DeployContext ctx, StepPlan<IReadOnlyList<string>> plan)
    {
        if (!plan.WillChange) return plan.AsResult();
        var result = await ctx.RunAsync(RsyncCommand.Sync(ctx.Source, ctx.Target, dryRun: false)).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var reason = result.ExitCode == 127 ? "rsync is not installed on the host" : result.StdErr.Trim();
            throw new ProvisioningException(FailureKind.StepFailed, $"rsync {ctx.Source.Directory}/ → {ctx.Target.Directory}/ failed (exit {result.ExitCode}): {reason}");
        }

        ctx.TargetChanged = true;
        var copied = RsyncCommand.Changes(result.StdOut);
        await ctx.CheckpointAsync(Checkpoints.SyncCopied).ConfigureAwait(false);
        return new StepResult(Name, StepStatus.Changed, $"copied {copied.Count} item(s) from {ctx.Source.Directory}") { Details = plan.Details };
    }
}
