namespace Fixxit.Nightly.Results;

/// <summary>
/// One scenario of a run. <see cref="Id"/> is the test's stable name (class + method, as the JUnit file has it);
/// <see cref="Line"/> is what a person reads ("Chat: A user can …"); <see cref="Location"/> the feature file and line.
/// <see cref="Flaky"/>: it failed, then passed when retried in a fresh browser context.
/// </summary>
public sealed record ScenarioResult(
    string Id,
    string Line,
    string? Location,
    ScenarioOutcome Outcome,
    TimeSpan Duration,
    string? FirstFailureLine,
    bool Flaky = false);
