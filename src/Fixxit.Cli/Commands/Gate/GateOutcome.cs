namespace Fixxit.Cli.Commands.Gate;

/// <summary>How a checklist run ended; each has its own exit code (docs/cli.md), so a script can tell them apart.</summary>
public enum GateOutcome
{
    /// <summary>Every selected scenario passed (exit 0).</summary>
    Passed,

    /// <summary>At least one scenario (or a run-level hook) failed: the deployment is not what the plan says (exit 1).</summary>
    ScenariosFailed,

    /// <summary>The filter selected no scenario: a gate that checked nothing is not a pass (exit 2).</summary>
    NothingRan,

    /// <summary>The checklist did not build, or its test host ended without a report: nothing was judged (exit 4).</summary>
    CouldNotRun,
}
