using System.Diagnostics;
using Fixxit.Masking;

namespace Fixxit.Cli.Commands.Gate;

/// <summary>Runs the checklist features with <c>dotnet test</c> against the sandbox and finds the report it wrote.</summary>
public static class GateRunner
{
    public const string FeaturesProject = "features/Fixxit.Checklist.Features.csproj";
    public const string SandboxRunSettings = "runsettings/sandbox.runsettings";

    public sealed record GateRun(bool Passed, string ResultsDirectory, string? ReportPath);

    public static async Task<GateRun> RunAsync(string repo, string sandboxRoot, string? filter, CancellationToken cancellationToken)
    {
        var label = filter is null ? "gate" : "gate-filtered";
        var results = Path.Combine(repo, "TestResults", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{label}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "test", FeaturesProject, "--settings", SandboxRunSettings, "--results-directory", results })
            start.ArgumentList.Add(arg);
        if (filter is not null)
        {
            start.ArgumentList.Add("--filter");
            start.ArgumentList.Add(filter);
        }

        // The features read their target from runsettings parameters; this sandbox's root overrides the file's default.
        start.ArgumentList.Add("--");
        start.ArgumentList.Add($"TestRunParameters.Parameter(name=\"SandboxRoot\", value=\"{sandboxRoot}\")");
        // The CLI got the sandbox ready (up, prod provisioned, a backup): the checklist verifies it and changes nothing.
        start.ArgumentList.Add("TestRunParameters.Parameter(name=\"TargetPrepared\", value=\"true\")");

        // The features' own hooks find the sandbox by its root; telemetry stays off in every run the product starts.
        start.Environment["FIXXIT_SANDBOX_ROOT"] = sandboxRoot;
        start.Environment["FIXXIT_REPORT_DIR"] = results;
        start.Environment["FIXXIT_RUN_LABEL"] = label;
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new UserFacingException("could not start `dotnet test`");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Out.WriteLine(SecretMasker.Shared.Mask(e.Data)); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(SecretMasker.Shared.Mask(e.Data)); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);

        var report = Directory.Exists(results)
            ? Directory.EnumerateFiles(results, "report.html", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        return new GateRun(process.ExitCode == 0, results, report);
    }
}
