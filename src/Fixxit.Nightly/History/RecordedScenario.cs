using Fixxit.Nightly.Results;

namespace Fixxit.Nightly.History;

/// <summary>One row of the history's scenarios table: a scenario's result in one run.</summary>
public sealed record RecordedScenario(
    long RunId,
    DateTimeOffset RunStartedAt,
    string ScenarioId,
    string Line,
    string? Location,
    ScenarioOutcome Outcome,
    TimeSpan Duration,
    string? FirstFailureLine,
    bool Flaky);
