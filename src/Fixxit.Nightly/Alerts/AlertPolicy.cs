namespace Fixxit.Nightly.Alerts;

/// <summary>
/// When to alert, from the verdicts alone (oldest first, the run just recorded last). Like Gatus' failure threshold:
/// a failing streak alerts once it is <see cref="FailuresBeforeAlert"/> runs long, reminds every
/// <see cref="RemindEveryRuns"/> runs while it lasts (0 = never), and the first pass after an alerted streak says it
/// recovered. A streak shorter than the threshold that ends in a pass says nothing: nobody was told it failed.
/// </summary>
public sealed record AlertPolicy(int FailuresBeforeAlert = 1, int RemindEveryRuns = 0)
{
    public AlertKind Decide(IReadOnlyList<bool> passedOldestFirst)
    {
        if (FailuresBeforeAlert < 1) throw new ArgumentOutOfRangeException(nameof(FailuresBeforeAlert), "alert after at least one failed run");
        if (passedOldestFirst.Count == 0) return AlertKind.None;
        var streak = TrailingFailures(passedOldestFirst, passedOldestFirst.Count);
        if (passedOldestFirst[^1])
        {
            var before = TrailingFailures(passedOldestFirst, passedOldestFirst.Count - 1);
            return before >= FailuresBeforeAlert ? AlertKind.Recovered : AlertKind.None;
        }

        if (streak == FailuresBeforeAlert) return AlertKind.Failing;
        var sinceAlert = streak - FailuresBeforeAlert;
        return streak > FailuresBeforeAlert && RemindEveryRuns > 0 && sinceAlert % RemindEveryRuns == 0 ? AlertKind.StillFailing : AlertKind.None;
    }

    /// <summary>How many failed runs end the first <paramref name="count"/> verdicts.</summary>
    public static int TrailingFailures(IReadOnlyList<bool> passed, int count)
    {
        var streak = 0;
        for (var i = count - 1; i >= 0 && !passed[i]; i--) streak++;
        return streak;
    }
}
