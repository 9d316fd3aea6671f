using Fixxit.Cli.Commands.Checklist;
using Fixxit.Cli.Commands.Gate;
using Fixxit.Provisioning.Deploy;
using Fixxit.Provisioning.Releases;

namespace Fixxit.Cli.Commands.Deploy;

/// <summary>
/// The gate a deploy runs, through the one checklist runner. On the sandbox: the sandbox profile against this
/// sandbox's root, as <c>fixxit gate</c> runs it. On the real topology: the environment's runsettings profile
/// (<c>runsettings/prod.runsettings</c> for prod), whose target the checklist reads from the settings contract in this
/// process's environment — the same run as <c>dotnet test features --settings runsettings/prod.runsettings</c>.
/// </summary>
public sealed class DeployGate(ChecklistRunSpec gate, bool build)
{
    private bool _built = !build;

    public static DeployGate For(DeployCommand.Settings settings, string repository, string? sandboxRoot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ChecklistRunSpec spec;
        if (sandboxRoot is not null)
        {
            if (settings.RunSettings is not null) throw new UserFacingException("--settings: the sandbox gate uses runsettings/sandbox.runsettings; --settings is for --topology fixxit");
            spec = GateRunner.SandboxSpec(repository, sandboxRoot, settings.Filter);
        }
        else
        {
            var file = settings.RunSettings ?? $"runsettings/{settings.Environment}.runsettings";
            if (!File.Exists(Path.Combine(repository, file)))
                throw new UserFacingException($"--settings {file}: no such file in {repository} (the checklist profile for {settings.Environment}; pass --settings to choose one)", ExitCodes.BadInput);
            spec = new ChecklistRunSpec(repository, file, settings.Filter, new Dictionary<string, string>(), new Dictionary<string, string>());
        }

        return new DeployGate(spec with { Label = "deploy" }, build: !settings.NoBuild);
    }

    /// <summary>
    /// One gate run: <paramref name="smokeFilter"/> null runs the deploy's gate (the whole profile, or its --filter);
    /// <see cref="DeployFlow.SmokeFilter"/> the smoke run after a rollback. Its first failure line is the cause.
    /// </summary>
    public async Task<GateVerdict> RunAsync(string? smokeFilter, CancellationToken cancellationToken)
    {
        var spec = smokeFilter is null ? gate : gate with { Label = "deploy-smoke" };
        var filter = smokeFilter ?? gate.Filter;
        var run = await GateRunner.RunAsync(spec, filter, build: !_built, cancellationToken);
        _built = true;
        var cause = run.Passed ? null : run.Problem ?? FailureSummary.Read(run.ResultsDirectory).Select(f => $"{f.Scenario}: {f.Cause}").FirstOrDefault()
            ?? "the checklist run failed before any scenario (see its output)";
        return new GateVerdict(run.Passed, cause, run.ReportPath ?? run.ResultsDirectory, filter);
    }
}
