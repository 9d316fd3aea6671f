using Fixxit.EnvConfig;
using Fixxit.Remote;
using Fixxit.Provisioning.Releases;
using Fixxit.Provisioning.Steps;

namespace Fixxit.Provisioning.Engine;

/// <summary>
/// The one loop every verb runs through: resolve the environments, connect, preflight (and the lock) once, then the
/// operation's steps in order until one fails, then its recovery, then — for changing verbs — the journal line and the
/// lock release, whatever happened.
/// </summary>
internal sealed class OperationRunner(ProvisionerOptions options)
{
    public async Task<ProvisionResult> RunAsync(Topology topology, string environment, OperationDefinition operation, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var runId = Guid.NewGuid().ToString("N");
        var run = new RunRecorder(operation.Kind, topology.Name, environment, runId, progress);
        run.Started(PreflightStep.Name, PreflightStep.Title);
        AppEnvironment target;
        ServerHost host;
        AppEnvironment source;
        try
        {
            target = topology.Environment(environment);
            host = topology.HostOf(target);
            // Backup, restore, rollback, releases, lock and verify act on the target alone: an environment that is
            // nobody's copy (dev) can be backed up too. Plan, apply and doctor need the source they copy from.
            source = operation.Preflight.Full ? Provisioner.SourceOf(host, target) : TrySourceOf(host, target) ?? target;
        }
        catch (Exception e) when (e is KeyNotFoundException or ProvisioningException)
        {
            run.Add(new StepResult(PreflightStep.Name, StepStatus.Failed, e.Message), FailureKind.BadInput);
            return Shaped(run.Build(), operation);
        }

        SshSession ssh;
        try
        {
            var pinned = options.HostKeyFingerprint is { } pin ? host with { HostKeyFingerprint = pin } : host;
            var sshTarget = SshTarget.From(options.SshAddress is { } address ? pinned with { SshAddress = address } : pinned, options.PrivateKeyPath);
            ssh = await SshSession.ConnectAsync(sshTarget, options.Log, ct).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            run.Add(new StepResult(PreflightStep.Name, StepStatus.Failed, e.Message), FailureKind.BadInput);
            return run.Build();
        }
        catch (SshConnectException e)
        {
            run.Add(new StepResult(PreflightStep.Name, StepStatus.Failed, $"ssh ({e.Failure}): {e.Message}"), FailureKind.Unreachable);
            return run.Build();
        }

        await using (ssh.ConfigureAwait(false))
        {
            var ctx = new DeployContext
            {
                Topology = topology, Host = host, Target = target, Source = source, Ssh = ssh, Layout = ReleaseLayout.For(target),
                Options = options, Operation = operation.Kind, RunId = runId, Ct = ct, Apply = operation.Apply,
            };
            StepResult preflight;
            FailureKind kind;
            try
            {
                (preflight, kind) = await PreflightStep.RunAsync(ctx, operation.Preflight).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Interrupted before any change: give back the lock if the preflight had taken it.
                await ReleaseLockAsync(ctx).ConfigureAwait(false);
                (preflight, kind) = (new StepResult(PreflightStep.Name, StepStatus.Failed, RunRecorder.Interrupted + "; nothing was changed"), FailureKind.Cancelled);
            }

            run.Add(preflight, kind);
            if (run.HasFailed) return Shaped(run.Build(), operation);

            var rolledBack = false;
            try
            {
                foreach (var step in operation.Steps(ctx))
                {
                    await run.StepAsync(step, ctx).ConfigureAwait(false);
                    if (run.HasFailed) break;
                }

                if (run.HasFailed && operation.Recover is { } recover)
                {
                    // An interrupted run still puts things back, on a token of its own with a bound.
                    using var recovery = new CancellationTokenSource(RecoveryTimeout);
                    if (run.Failure == FailureKind.Cancelled) ctx.Ct = recovery.Token;
                    rolledBack = await recover(ctx, run).ConfigureAwait(false);
                }

                return Shaped(run.Build(operation.Release(ctx), rolledBack), operation) with { Releases = ctx.ReleaseRecords, Lock = ctx.LockState, Snapshot = ctx.SnapshotRelease };
            }
            finally
            {
                // The journal records the result as the caller sees it (shaped: e.g. lock release's summary names the holder).
                if (operation.Journaled) await RunJournal.FinishAsync(ctx, Shaped(run.Build(operation.Release(ctx), rolledBack), operation), run.Elapsed, options, operation.Journal).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How long the recovery after an interruption may take (a restore of the snapshot and a verified start).</summary>
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(5);

    private static async Task ReleaseLockAsync(DeployContext ctx)
    {
        if (ctx.Lock is not { } held) return;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await ctx.Ssh.RunAsync(held.ReleaseCommand(), cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (RunRecorder.Classify(e) is not null || e is OperationCanceledException)
        {
            ctx.Options.Log?.Invoke($"could not release the lock: {e.Message}");
        }
    }

    private static AppEnvironment? TrySourceOf(ServerHost host, AppEnvironment target)
    {
        try
        {
            return Provisioner.SourceOf(host, target);
        }
        catch (ProvisioningException)
        {
            return null;
        }
    }

    private static ProvisionResult Shaped(ProvisionResult result, OperationDefinition operation)
    {
        if (operation.FailuresAreFindings && result.Failure == FailureKind.StepFailed) return result with { Failure = FailureKind.ProblemsFound };
        if (operation.SummaryIsLastStep && result.Succeeded && result.Steps.Count > 0) return result with { Summary = result.Steps[^1].Message };
        return result;
    }
}
