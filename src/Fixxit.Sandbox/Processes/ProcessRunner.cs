using System.Diagnostics;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Masking;
using Fixxit.Remote;

namespace Fixxit.Sandbox.Processes;

/// <summary>Runs a local program to completion and captures its output. Never through a shell unless asked.</summary>
public static class ProcessRunner
{
    public static async Task<CommandResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (k, v) in environment) start.Environment[k] = v;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SandboxException($"cannot run '{program}': {e.Message} (is it installed? eng/bootstrap.sh installs the sandbox's tools)", e);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CommandResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Like <see cref="RunAsync"/> but a non-zero exit is a <see cref="SandboxException"/> naming the command and its output.</summary>
    public static async Task<CommandResult> RunCheckedAsync(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var args = arguments.ToList();
        var result = await RunAsync(program, args, workingDirectory, environment, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded) return result;
        var output = (result.StdErr.Trim() + Environment.NewLine + result.StdOut.Trim()).Trim();
        throw new SandboxException(SecretMasker.Shared.Mask(
            $"'{ShellQuote.Join([program, .. args])}' failed (exit {result.ExitCode}){(workingDirectory is null ? "" : $" in {workingDirectory}")}: {Tail(output)}"));
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 15)));
    }
}
