namespace Fixxit.Provisioning.Releases;

/// <summary>
/// One release of an environment as <c>fixxit releases</c> shows it: the snapshot (when, why, what version) and what
/// the journal says about it — whether a gate run verified the state it holds, with the verdict and the report.
/// </summary>
public sealed record ReleaseRecord
{
    public required string Id { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Why it was taken ("before apply", …); null when its manifest is missing or unreadable.</summary>
    public string? Reason { get; init; }

    public string? Version { get; init; }

    public string? SourceCommit { get; init; }

    public bool HasDatabase { get; init; }

    /// <summary>A gate run passed against the state this release holds (the journal's latest verification of it).</summary>
    public bool Verified { get; init; }

    /// <summary>The latest gate verdict recorded for it ("passed", "failed: …"), or null when none was.</summary>
    public string? GateVerdict { get; init; }

    /// <summary>Where that gate run's report folder is, as recorded.</summary>
    public string? Report { get; init; }

    /// <summary>Set when the manifest could not be read: the release is listed, but a rollback to it would refuse.</summary>
    public string? Problem { get; init; }
}
