using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fixxit.Provisioning;

/// <summary>Everything a run did, step by step; serialisable as JSON for machines (<c>--json</c>) and the journal.</summary>
public sealed record ProvisionResult
{
    public required ProvisionOperation Operation { get; init; }

    public required string Topology { get; init; }

    public required string Environment { get; init; }

    public required string RunId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    public FailureKind Failure { get; init; }

    /// <summary>The step that failed, or null.</summary>
    public string? FailedStep { get; init; }

    /// <summary>The release created (snapshot before changes, or the backup file) or restored, if any.</summary>
    public string? Release { get; init; }

    /// <summary>The snapshot this run took of the target before changing it (apply, update, rollback, restore, verify), if any.</summary>
    public string? Snapshot { get; init; }

    /// <summary>True when a failure was followed by an automatic rollback to the snapshot taken by this run.</summary>
    public bool RolledBack { get; init; }

    public bool Succeeded => Failure == FailureKind.None;

    /// <summary><c>releases</c>: every release, oldest first, with its gate verification.</summary>
    public IReadOnlyList<Releases.ReleaseRecord>? Releases { get; init; }

    /// <summary><c>lock status</c> / <c>lock release</c>: the lock as found (before a release removed it).</summary>
    public Releases.LockState? Lock { get; init; }

    /// <summary>True when any step changed (or in a plan, would change) the target.</summary>
    public bool Changed => Steps.Any(s => s.Status == StepStatus.Changed);

    /// <summary>One sentence for humans.</summary>
    public string Summary { get; init; } = string.Empty;

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
