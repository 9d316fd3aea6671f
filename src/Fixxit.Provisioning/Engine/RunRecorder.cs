using System.Diagnostics;
using Fixxit.Masking;
using Fixxit.OpenWebUi.Database;
using Fixxit.Remote;

namespace Fixxit.Provisioning.Engine;

/// <summary>Runs one step at a time, turns any expected exception into a Failed step naming the cause, reports progress, and builds the result.</summary>
internal sealed class RunRecorder(ProvisionOperation operation, string topology, string environment, string runId, IProgress<StepEvent>? progress)
{
    private readonly List<StepResult> _steps = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private StepResult? _failed;

    public FailureKind Failure { get; private set; }

    public string? FailedStep => _failed?.Step;

    public bool HasFailed => Failure != FailureKind.None;

    public TimeSpan Elapsed => _clock.Elapsed;

    public const string Interrupted = "interrupted (Ctrl-C or SIGTERM) during this step";

    /// <summary>Runs <paramref name="step"/> unless an earlier one failed; returns its result (null when skipped because of a failure).</summary>
    public async Task<StepResult?> StepAsync(IStep step, DeployContext ctx)
    {
        if (HasFailed) return null;
        Started(step.Name, step.Title);
        var clock = Stopwatch.StartNew();
        StepResult result;
        FailureKind kind = FailureKind.None;
        try
        {
            result = await step.RunAsync(ctx).ConfigureAwait(false);
            if (result.Status == StepStatus.Failed) kind = FailureKind.StepFailed;
        }
        catch (Exception e) when (Classify(e) is { } k)
        {
            kind = k;
            result = new StepResult(step.Name, StepStatus.Failed, e.Message);
        }
        catch (OperationCanceledException) when (ctx.Ct.IsCancellationRequested)
        {
            kind = FailureKind.Cancelled;
            result = new StepResult(step.Name, StepStatus.Failed, Interrupted);
        }

        result = result with { Duration = clock.Elapsed, Inspection = step.Inspection };
        Add(result, kind);
        return result;
    }

    /// <summary>Adds a result computed elsewhere (preflight), with the failure kind it carries.</summary>
    public void Add(StepResult result, FailureKind kind)
    {
        result = Masked(result);
        _steps.Add(result);
        if (result.Status == StepStatus.Failed && !HasFailed)
        {
            Failure = kind == FailureKind.None ? FailureKind.StepFailed : kind;
            _failed = result;
        }

        progress?.Report(new StepEvent(result.Step, StepPhase.Finished, result.Step, result));
    }

    public void Started(string name, string title) => progress?.Report(new StepEvent(name, StepPhase.Started, title));

    /// <summary>The result as users see it: look-ahead inspections are left out unless one failed.</summary>
    public ProvisionResult Build(string? release = null, bool rolledBack = false)
    {
        var steps = _steps.Where(s => !s.Inspection || s.Status == StepStatus.Failed).ToList();
        var summary = operation == ProvisionOperation.Doctor && !HasFailed
            ? $"doctor of {environment}: all {steps.Sum(s => Math.Max(1, s.Details.Count(d => d.StartsWith("ok", StringComparison.Ordinal))))} checks passed"
            : HasFailed
            ? $"{operation} of {environment} failed at step '{FailedStep}': {_failed!.Message}{(rolledBack ? " — rolled back to the snapshot taken before the change" : Failure == FailureKind.Cancelled ? " — NOT rolled back (no snapshot of this run to go back to): the target is as that step left it; run the same command again to resume, it converges" : string.Empty)}"
            : steps.Any(s => s.Status == StepStatus.Changed)
                ? $"{operation} of {environment}: {steps.Count(s => s.Status == StepStatus.Changed)} step(s) {(operation == ProvisionOperation.Plan ? "would change" : "changed")} something"
                : $"{operation} of {environment}: nothing {(operation == ProvisionOperation.Plan ? "would change" : "changed")}";
        return new ProvisionResult
        {
            Operation = operation,
            Topology = topology,
            Environment = environment,
            RunId = runId,
            StartedAt = _started,
            Duration = _clock.Elapsed,
            Steps = steps,
            Failure = Failure,
            FailedStep = FailedStep,
            Release = release,
            RolledBack = rolledBack,
            Summary = SecretMasker.Shared.Mask(summary),
        };
    }

    internal static FailureKind? Classify(Exception e) => e switch
    {
        OperationCanceledException => null,
        ProvisioningException p => p.Kind,
        SshConnectException => FailureKind.Unreachable,
        RemoteCommandException => FailureKind.StepFailed,
        OpenWebUiDatabaseException => FailureKind.StepFailed,
        Renci.SshNet.Common.SshException => FailureKind.Unreachable,
        IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or FormatException or HttpRequestException => FailureKind.StepFailed,
        _ => null,
    };

    private static StepResult Masked(StepResult r) => r with
    {
        Message = SecretMasker.Shared.Mask(r.Message),
        Details = r.Details.Select(SecretMasker.Shared.Mask).ToList(),
    };
}
