namespace Fixxit.Provisioning;

/// <summary>How <c>restore</c> runs.</summary>
public sealed record RestoreOptions
{
    /// <summary>A backup on the host: a path, or a file name in <c>&lt;target&gt;-releases/backups</c>.</summary>
    public required string From { get; init; }

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(90);

    public TimeSpan StaleLockAge { get; init; } = TimeSpan.FromHours(2);
}
