namespace Fixxit.Provisioning.Releases;

/// <summary>The deploy lock of an environment as <c>fixxit lock status</c> shows it.</summary>
public sealed record LockState
{
    public required string Path { get; init; }

    public bool Held { get; init; }

    /// <summary>Who holds it; null when free, or when the holder file is missing (a run died between mkdir and write).</summary>
    public LockHolder? Holder { get; init; }

    /// <summary>How long it has been held, from the holder's own start time.</summary>
    public TimeSpan? Age { get; init; }

    /// <summary>Why the lock is provably stale (the next apply breaks it), or null when its holder may be alive.</summary>
    public string? StaleReason { get; init; }
}
