namespace Fixxit.Provisioning;

/// <summary>How <c>backup</c> runs: an online backup with retention by count and age.</summary>
public sealed record BackupOptions
{
    /// <summary>Backups kept at most (newest first); 0 keeps all.</summary>
    public int KeepCount { get; init; } = 30;

    /// <summary>Backups older than this are deleted (the plan's "keep last 30 days"); null keeps all ages.</summary>
    public TimeSpan? MaxAge { get; init; } = TimeSpan.FromDays(30);

    public static BackupOptions Default { get; } = new();
}
