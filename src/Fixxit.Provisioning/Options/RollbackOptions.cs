namespace Fixxit.Provisioning;

/// <summary>How <c>rollback</c> runs.</summary>
public sealed record RollbackOptions
{
    /// <summary>The release to restore (its folder name); null = the newest release.</summary>
    public string? To { get; init; }

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(90);

    public TimeSpan StaleLockAge { get; init; } = TimeSpan.FromHours(2);

    public static RollbackOptions Default { get; } = new();
}
