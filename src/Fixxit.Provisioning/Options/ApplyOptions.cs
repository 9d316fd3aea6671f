namespace Fixxit.Provisioning;

/// <summary>How <c>apply</c> runs.</summary>
public sealed record ApplyOptions
{
    /// <summary>The plan's "Future Updates": sync code only (config, deps), snapshot the DB first, restart, verify. Never seeds the DB.</summary>
    public bool Update { get; init; }

    /// <summary>Replace the target's database with a fresh online copy of the source's (only on first provisioning otherwise).</summary>
    public bool ReseedDatabase { get; init; }

    /// <summary>How long the app may take to answer <c>/health</c> after a (re)start: covers schema migrations.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Free space to keep on the target's file system beyond what the copy and snapshot need.</summary>
    public long DiskReserveBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Releases kept in <c>&lt;target&gt;-releases/releases</c> (oldest are pruned after a successful run).</summary>
    public int KeepReleases { get; init; } = 5;

    /// <summary>Break a deploy lock whose holder is provably gone (same machine, dead pid) or older than this.</summary>
    public TimeSpan StaleLockAge { get; init; } = TimeSpan.FromHours(2);

    public static ApplyOptions Default { get; } = new();
}
