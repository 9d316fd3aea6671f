using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Releases;

namespace Fixxit.Provisioning.Operations;

/// <summary>
/// <c>lock status</c> (who holds the deploy lock, since when, whether it is provably stale) and <c>lock release</c>:
/// a free lock is left alone, a stale one is removed, a live one only with <c>--force</c>. A release is journaled with
/// the holder it removed, so breaking another run's lock is never silent.
/// </summary>
internal static class LockOperation
{
    public const string StepName = "lock";

    public static OperationDefinition Status(TimeSpan staleAge) => new()
    {
        Kind = ProvisionOperation.LockStatus,
        Preflight = new PreflightScope(TakeLock: false, Full: false, staleAge, JudgeLock: false),
        Journaled = false,
        SummaryIsLastStep = true,
        Steps = _ => [new DelegateStep(StepName, "Inspect the deploy lock", async ctx =>
        {
            var state = await InspectAsync(ctx, staleAge).ConfigureAwait(false);
            return new StepResult(StepName, StepStatus.Unchanged, Describe(ctx, state));
        })],
    };

    public static OperationDefinition Release(TimeSpan staleAge, bool force) => new()
    {
        Kind = ProvisionOperation.Unlock,
        Preflight = new PreflightScope(TakeLock: false, Full: false, staleAge, JudgeLock: false),
        SummaryIsLastStep = true,
        Steps = _ => [new DelegateStep(StepName, "Release the deploy lock", ctx => ReleaseAsync(ctx, staleAge, force))],
    };

    private static async Task<StepResult> ReleaseAsync(DeployContext ctx, TimeSpan staleAge, bool force)
    {
        var state = await InspectAsync(ctx, staleAge).ConfigureAwait(false);
        if (!state.Held) return new StepResult(StepName, StepStatus.Unchanged, $"{state.Path} is free: nothing to release");
        var holder = state.Holder?.ToString() ?? "an unknown run (no holder file)";
        if (state.StaleReason is null && !force)
        {
            throw new ProvisioningException(FailureKind.Locked,
                $"{state.Path} is held by {holder}, which may still be running; wait for it, or pass --force to break the lock (the journal records who broke it)");
        }

        await ctx.RunCheckedAsync($"rm -rf {DeployContext.Q(state.Path)}").ConfigureAwait(false);
        var why = state.StaleReason is { } stale ? $"stale: {stale}" : "forced";
        return new StepResult(StepName, StepStatus.Changed, $"released {state.Path}, held by {holder} ({why})");
    }

    private static async Task<LockState> InspectAsync(DeployContext ctx, TimeSpan staleAge)
    {
        var (held, holder, stale) = await DeployLock.InspectAsync(ctx.Ssh, ctx.Layout, staleAge, ctx.Ct).ConfigureAwait(false);
        var state = new LockState
        {
            Path = ctx.Layout.Lock,
            Held = held,
            Holder = holder,
            Age = holder is null ? null : DateTimeOffset.UtcNow - holder.Since,
            StaleReason = stale,
        };
        ctx.LockState = state;
        return state;
    }

    private static string Describe(DeployContext ctx, LockState state)
    {
        if (!state.Held) return $"{ctx.Target.Name}'s deploy lock is free ({state.Path})";
        var age = state.Age is { } a ? $", for {(a.TotalHours >= 1 ? $"{a.TotalHours:0.0} h" : $"{a.TotalMinutes:0} min")}" : string.Empty;
        var who = state.Holder?.ToString() ?? "an unknown run (no holder file)";
        return state.StaleReason is { } stale
            ? $"{ctx.Target.Name}'s deploy lock is held by {who}{age}, and is stale ({stale}): the next run breaks it, or `fixxit lock release` now"
            : $"{ctx.Target.Name}'s deploy lock is held by {who}{age}";
    }
}
