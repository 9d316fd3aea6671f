namespace Fixxit.Gherkin.NUnit.Checklists;

/// <summary>How one scenario (one pickle: a scenario or one example row of an outline) ended in this run.</summary>
public enum ScenarioStatus
{
    Passed,
    Failed,
    Skipped,
    NotRun,
}

/// <summary>A screenshot attached to a scenario, as the report holds it (base64).</summary>
public sealed record ScenarioImage(string MediaType, string Base64, string? FileName);

/// <summary>
/// One scenario of the run, read back from the (already masked) Cucumber messages: its feature file, the title as
/// written (an outline's, with placeholders), its own name (an example row's, filled in), an example row's values
/// ("n = 1, sum = 101"), status, the failing step and its message, and its screenshots.
/// </summary>
public sealed record ScenarioRun(
    string FeaturePath,
    string WrittenTitle,
    string Name,
    string? Example,
    ScenarioStatus Status,
    string? FailedStep,
    string? FailureMessage,
    IReadOnlyList<ScenarioImage> Images);
