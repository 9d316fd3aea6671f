using System.Diagnostics;
using Fixxit.Masking;

namespace Fixxit.Cli.Commands.Checklist;

/// <summary>
/// Runs the checklist once with <c>dotnet test</c> into one report folder (TRX, JUnit, HTML, ndjson and run header
/// together, docs/reports.md). Each call is a new test host, so a retry gets fresh browser contexts and nothing is
/// shared with the attempt before it. Cancelling ends the whole test host's process tree.
/// </summary>
public static class ChecklistProcess
{
    /// <summary>Builds the checklist features (quietly: warnings and errors only); its exit code.</summary>
    public static Task<int> BuildAsync(string repository, Action<string> output, CancellationToken cancellationToken) =>
        RunDotnetAsync(repository, ["build", ChecklistRunSpec.FeaturesProject, "-v", "q", "-nologo"], new Dictionary<string, string>(), output, cancellationToken);

    public static async Task<int> RunAsync(ChecklistRunSpec spec, string folder, string? filter, bool build, Action<string> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(output);
        Directory.CreateDirectory(folder);
        var (arguments, environment) = ChecklistCommandLine.For(spec, folder, filter, build);
        return await RunDotnetAsync(spec.Repository, arguments, environment, output, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> RunDotnetAsync(string repository, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, Action<string> output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new UserFacingException("could not start `dotnet`", ExitCodes.StepFailed);
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
