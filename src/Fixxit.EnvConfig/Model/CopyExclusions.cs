namespace Fixxit.EnvConfig;

/// <summary>rsync exclusion patterns for copying one environment's tree to another.</summary>
public static class CopyExclusions
{
    /// <summary>The plan's list (Phase 1): fresh logs, no bytecode, no node_modules (reinstalled), no git history.</summary>
    public static ImmutableArray<string> Plan { get; } =
        ["logs/*", "*.pyc", "__pycache__", "node_modules", ".git"];

    /// <summary>
    /// The plan's list plus what must never be overwritten by a copy: the target's own database is produced by an
    /// online backup, not by rsync of a live file (a torn copy and a left-behind <c>-wal</c>).
    /// </summary>
    public static ImmutableArray<string> PlanWithLiveDatabase { get; } =
        [.. Plan, "backend/data/webui.db", "backend/data/webui.db-wal", "backend/data/webui.db-shm"];
}
