using Fixxit.Cli.Commands.Checklist;

namespace Fixxit.Cli.Commands.Gate;

/// <summary>Runs the checklist (through <see cref="ChecklistProcess"/>) into a new report folder and finds the report it wrote.</summary>
public static class GateRunner
{
    public sealed record GateRun(bool Passed, string ResultsDirectory, string? ReportPath);

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
    /// <param name="build">false when the features were built already (e.g. a second run of one command).</param>
    public static async Task<GateRun> RunAsync(ChecklistRunSpec spec, string? filter, bool build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var results = Path.Combine(spec.Repository, "TestResults", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{spec.Label}");
        var exit = await ChecklistProcess.RunAsync(spec, results, filter, build, Console.Out.WriteLine, cancellationToken);
        var report = Directory.Exists(results)
            ? Directory.EnumerateFiles(results, "report.html", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        return new GateRun(exit == 0, results, report);
    }
}
