using Fixxit.Cli.Commands.Checklist;

namespace Fixxit.Cli.Commands.Gate;

/// <summary>Runs the checklist features against the sandbox (through <see cref="ChecklistProcess"/>) and finds the report it wrote.</summary>
public static class GateRunner
{
    public sealed record GateRun(bool Passed, string ResultsDirectory, string? ReportPath);

    public static async Task<GateRun> RunAsync(string repo, string sandboxRoot, string? filter, CancellationToken cancellationToken)
    {
        var label = filter is null ? "gate" : "gate-filtered";
        var results = Path.Combine(repo, "TestResults", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{label}");
        var spec = new ChecklistRunSpec(repo, ChecklistRunSpec.SandboxRunsettings, filter,
            new Dictionary<string, string>
            {
                // The features read their target from runsettings parameters; this sandbox's root overrides the file's default.
                ["SandboxRoot"] = sandboxRoot,
                // The CLI got the sandbox ready: the checklist verifies it and changes nothing.
                ["TargetPrepared"] = "true",
            },
            new Dictionary<string, string> { ["FIXXIT_SANDBOX_ROOT"] = sandboxRoot },
            label);
        var exit = await ChecklistProcess.RunAsync(spec, results, null, build: true, Console.Out.WriteLine, cancellationToken);
        var report = Directory.Exists(results)
            ? Directory.EnumerateFiles(results, "report.html", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        return new GateRun(exit == 0, results, report);
    }
}
