namespace Fixxit.Nightly.Alerts;

/// <summary>Why an alert goes out (or none does).</summary>
public enum AlertKind
{
    None,

    /// <summary>The run made the failing streak reach the threshold: passing → failing.</summary>
    Failing,

    /// <summary>Still failing: a reminder every <see cref="AlertPolicy.RemindEveryRuns"/> runs after the first alert.</summary>
    StillFailing,

    /// <summary>The first pass after an alerted failing streak: failing → passing.</summary>
    Recovered,
}
