using System.Diagnostics;
using Fixxit.Masking;

namespace Fixxit.Nightly.Running;

/// <summary>
/// Runs the checklist once with <c>dotnet test</c> into one report folder (TRX, JUnit, HTML, ndjson and run header
/// together, docs/reports.md). Each call is a new test host, so a retry gets fresh browser contexts and nothing is
/// shared with the attempt before it.
/// </summary>
public static class ChecklistProcess
{
    /// <param name="build">false for the retry: the first attempt just built the features, so the retry only runs them.</param>
    public static async Task<int> RunAsync(ChecklistRunSpec spec, string folder, string filter, bool build, Action<string> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = spec.Repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "test", ChecklistRunSpec.FeaturesProject, "--settings", spec.Runsettings, "--results-directory", folder, "--filter", filter, "--nologo" })
            start.ArgumentList.Add(arg);
        if (!build) start.ArgumentList.Add("--no-build");
        if (spec.Parameters.Count > 0)
        {
            start.ArgumentList.Add("--");
            foreach (var (name, value) in spec.Parameters) start.ArgumentList.Add($"TestRunParameters.Parameter(name=\"{name}\", value=\"{value}\")");
        }

        foreach (var (name, value) in spec.Environment) start.Environment[name] = value;
        start.Environment["FIXXIT_REPORT_DIR"] = folder;
        start.Environment["FIXXIT_RUN_LABEL"] = "nightly";
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start `dotnet test`");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output(SecretMasker.Shared.Mask(e.Data)); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output(SecretMasker.Shared.Mask(e.Data)); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }
}
