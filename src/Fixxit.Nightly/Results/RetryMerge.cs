namespace Fixxit.Nightly.Results;

/// <summary>
/// Folds the retry of a run's failed scenarios into the first attempt: a scenario that passed on retry counts as
/// passed and is marked flaky (kept, not hidden); one that failed again stays failed with the retry's message.
/// The verdict is recomputed from the merged scenarios.
/// </summary>
public static class RetryMerge
{
    public static RunResult Merge(RunResult first, RunResult retry)
    {
        var retried = retry.Scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var merged = first.Scenarios.Select(s =>
        {
            if (s.Outcome != ScenarioOutcome.Failed || !retried.TryGetValue(s.Id, out var again)) return s;
            return again.Outcome == ScenarioOutcome.Passed
                ? s with { Outcome = ScenarioOutcome.Passed, Flaky = true, Duration = s.Duration + again.Duration }
                : s with { FirstFailureLine = again.FirstFailureLine ?? s.FirstFailureLine, Duration = s.Duration + again.Duration };
        }).ToList();

        var verdict = merged.Any(s => s.Outcome == ScenarioOutcome.Failed) ? "FAILED"
            : merged.Any(s => s.Outcome == ScenarioOutcome.Passed) ? RunResult.PassedVerdict
            : "NOTHING RAN";
        return first with { Verdict = verdict, Scenarios = merged, Duration = first.Duration + retry.Duration };
    }
}
