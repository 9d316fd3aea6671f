using System.Diagnostics;
using Fixxit.Masking;
using Fixxit.OpenWebUi.Database;
using Fixxit.Remote;

namespace Fixxit.Provisioning.Engine;

/// <summary>Runs steps in order, turns any exception into a Failed step naming the cause, reports progress, and builds the result.</summary>
internal sealed class RunRecorder(ProvisionOperation operation, string topology, string environment, string runId, IProgress<StepEvent>? progress)
{
    private readonly List<StepResult> _steps = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public FailureKind Failure { get; private set; }

    public string? FailedStep { get; private set; }

    public bool HasFailed => Failure != FailureKind.None;

    public IReadOnlyList<StepResult> Steps => _steps;

    public string RunId => runId;

    public DateTimeOffset StartedAt => _started;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Runs one step unless an earlier one failed; returns its result (null when skipped because of a failure).</summary>
    public async Task<StepResult?> StepAsync(string name, string title, Func<Task<StepResult>> body)
    {
        if (HasFailed) return null;
        progress?.Report(new StepEvent(name, StepPhase.Started, title));
        var clock = Stopwatch.StartNew();
        StepResult result;
        FailureKind kind = FailureKind.None;
        try
        {
            result = await body().ConfigureAwait(false);
            if (result.Status == StepStatus.Failed) kind = FailureKind.StepFailed;
        }
        catch (Exception e) when (Classify(e) is { } k)
        {
            kind = k;
            result = new StepResult(name, StepStatus.Failed, e.Message);
        }

        result = Masked(result) with { Duration = clock.Elapsed };
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
            FailedStep = result.Step;
        }

        progress?.Report(new StepEvent(result.Step, StepPhase.Finished, result.Step, result));
    }

    public void Started(string name, string title) => progress?.Report(new StepEvent(name, StepPhase.Started, title));

    public ProvisionResult Build(string? release = null, bool rolledBack = false)
    {
        var summary = operation == ProvisionOperation.Doctor && !HasFailed
            ? $"doctor of {environment}: all {_steps.Sum(s => Math.Max(1, s.Details.Count(d => d.StartsWith("ok", StringComparison.Ordinal))))} checks passed"
            : HasFailed
            ? $"{operation} of {environment} failed at step '{FailedStep}': {_steps.First(s => s.Step == FailedStep).Message}{(rolledBack ? " — rolled back to the snapshot taken before the change" : string.Empty)}"
            : _steps.Any(s => s.Status == StepStatus.Changed)
                ? $"{operation} of {environment}: {_steps.Count(s => s.Status == StepStatus.Changed)} step(s) {(operation == ProvisionOperation.Plan ? "would change" : "changed")} something"
                : $"{operation} of {environment}: nothing {(operation == ProvisionOperation.Plan ? "would change" : "changed")}";
        return new ProvisionResult
        {
            Operation = operation,
            Topology = topology,
            Environment = environment,
            RunId = runId,
            StartedAt = _started,
            Duration = _clock.Elapsed,
            Steps = _steps.ToList(),
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
