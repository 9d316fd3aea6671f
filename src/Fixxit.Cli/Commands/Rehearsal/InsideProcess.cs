using System.Diagnostics;
using Fixxit.Masking;
using Fixxit.Rehearsal.Namespaces;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary>Runs a user's command inside the rehearsal's namespaces (nsenter), its output streamed and masked.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class InsideProcess
{
    public static Task<int> RunAsync(int holderPid, IReadOnlyList<string> command, string workingDirectory, IEnumerable<(string Name, string Value)> environment, CancellationToken cancellationToken) =>
        StreamAsync(Nsenter.Program, Nsenter.Arguments(holderPid, command, workingDirectory), workingDirectory, environment, cancellationToken);

    /// <summary>The same on the machine itself (e.g. the build, which needs NuGet's cache and no namespace).</summary>
    public static Task<int> RunLocalAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken) =>
        StreamAsync(program, arguments, workingDirectory, [], cancellationToken);

    private static async Task<int> StreamAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, IEnumerable<(string Name, string Value)> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new UserFacingException($"could not start {program}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Out.WriteLine(SecretMasker.Shared.Mask(e.Data)); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(SecretMasker.Shared.Mask(e.Data)); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Cancelled (Ctrl-C): the child and everything it started end with us.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }
}
