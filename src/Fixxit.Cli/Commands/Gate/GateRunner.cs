using Fixxit.Cli.Commands.Checklist;

namespace Fixxit.Cli.Commands.Gate;

/// <summary>Runs the checklist (through <see cref="ChecklistProcess"/>) into a new report folder and finds the report it wrote.</summary>
public static class GateRunner
{
    public sealed record GateRun(GateOutcome Outcome, string ResultsDirectory, string? ReportPath, string? Problem = null)
    {
        public bool Passed => Outcome == GateOutcome.Passed;

        /// <summary>The documented exit code of a gate that ended this way.</summary>
        public int ExitCode => Outcome switch
        {
            GateOutcome.Passed => ExitCodes.Ok,
            GateOutcome.ScenariosFailed => ExitCodes.ProblemsFound,
            GateOutcome.NothingRan => ExitCodes.BadInput,
            _ => ExitCodes.StepFailed,
        };
    }

    /// <summary>The sandbox gate: the sandbox profile against this sandbox's root, which the CLI got ready.</summary>
    public static ChecklistRunSpec SandboxSpec(string repo, string sandboxRoot, string? filter) =>
        new(repo, ChecklistRunSpec.SandboxRunsettings, filter,
            new Dictionary<string, string>
            {
                // The features read their target from runsettings parameters; this sandbox's root overrides the file's default.
                ["SandboxRoot"] = sandboxRoot,
                // The CLI got the sandbox ready: the checklist verifies it and changes nothing.
                ["TargetPrepared"] = "true",
            },
            new Dictionary<string, string> { ["FIXXIT_SANDBOX_ROOT"] = sandboxRoot },
            filter is null ? "gate" : "gate-filtered");

    public static Task<GateRun> RunAsync(string repo, string sandboxRoot, string? filter, CancellationToken cancellationToken) =>
        RunAsync(SandboxSpec(repo, sandboxRoot, filter), filter, build: true, cancellationToken);

    /// <param name="filter">This run's filter (null: the spec's own).</param>
    /// <param name="build">
    /// false when the features were built already (e.g. a second run of one command); true builds them first, only if
    /// an input changed since their last build (<see cref="ChecklistBuildState"/>), then runs them without a build check.
    /// </param>
    public static async Task<GateRun> RunAsync(ChecklistRunSpec spec, string? filter, bool build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var results = Path.Combine(spec.Repository, "TestResults", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{spec.Label}");
        if (build && ChecklistBuildState.WhyStale(spec.Repository) is { } why)
        {
            Console.Out.WriteLine($"building the checklist ({why})");
            var started = DateTime.UtcNow;
            if (await ChecklistProcess.BuildAsync(spec.Repository, Console.Out.WriteLine, cancellationToken) != 0)
                return new GateRun(GateOutcome.CouldNotRun, results, null, $"the checklist ({ChecklistRunSpec.FeaturesProject}) did not build: nothing was judged");
            ChecklistBuildState.MarkBuilt(spec.Repository, started);
        }

        var exit = await ChecklistProcess.RunAsync(spec, results, filter, build: false, Console.Out.WriteLine, cancellationToken);
        var report = Directory.Exists(results)
            ? Directory.EnumerateFiles(results, "report.html", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        var ran = FailureSummary.Count(results).Total;
        if (ran == 0 && exit == 0)
            return new GateRun(GateOutcome.NothingRan, results, report, $"the filter {filter ?? spec.Filter ?? "(none)"} selected no scenario: nothing was judged");
        if (ran == 0)
            return new GateRun(GateOutcome.CouldNotRun, results, report, $"`dotnet test` exited {exit} without a report: nothing was judged (its output above says why)");
        return new GateRun(exit == 0 ? GateOutcome.Passed : GateOutcome.ScenariosFailed, results, report);
    }
}
