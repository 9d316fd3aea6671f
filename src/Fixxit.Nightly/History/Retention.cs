namespace Fixxit.Nightly.History;

/// <summary>
/// Keeps the newest <see cref="MaxRuns"/> runs that are younger than <see cref="MaxAge"/>; older runs leave the history
/// and their report folders are deleted. A folder is deleted only when it lies inside <c>reportsRoot</c>, so a
/// history row can never make retention delete anything else.
/// </summary>
public sealed record Retention(int MaxRuns, TimeSpan MaxAge)
{
    public static Retention Default { get; } = new(90, TimeSpan.FromDays(90));

    /// <summary>The runs to drop, given every run and the time now.</summary>
    public IReadOnlyList<RecordedRun> Expired(IReadOnlyList<RecordedRun> runs, DateTimeOffset now)
    {
        var newestFirst = runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).ToList();
        return [.. newestFirst.Where((r, index) => index >= MaxRuns || now - r.StartedAt > MaxAge)];
    }

    /// <summary>Drops the expired runs from the history and deletes their report folders; returns what was dropped.</summary>
    public IReadOnlyList<RecordedRun> Apply(HistoryStore history, string reportsRoot, DateTimeOffset now)
    {
        var expired = Expired(history.Runs(), now);
        var root = Path.GetFullPath(reportsRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var run in expired)
        {
            var folder = Path.GetFullPath(run.ReportPath);
            if (folder.StartsWith(root, StringComparison.Ordinal) && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }

        history.Delete(expired.Select(r => r.Id));
        return expired;
    }
}
