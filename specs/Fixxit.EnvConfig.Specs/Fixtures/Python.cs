using System.Diagnostics;

namespace Fixxit.EnvConfig.Specs.Fixtures;

/// <summary>
/// Runs python3 as an independent oracle (python-dotenv, cryptography's Fernet). The script and its input go through
/// stdin/arguments of a child process we start and wait for; nothing touches the network.
/// </summary>
internal static class Python
{
    public static bool IsAvailable(string module)
    {
        try
        {
            return Run($"import {module}", string.Empty).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Skips the calling spec, with the reason, when python3 or the module is missing.</summary>
    public static void Require(string module)
    {
        if (!IsAvailable(module)) Assert.Ignore($"python3 with the '{module}' package is not installed; this oracle spec needs it");
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="stdin"/>; returns exit code and both streams.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string script, string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Like <see cref="Run"/> but fails the spec on a non-zero exit.</summary>
    public static string RunOk(string script, string stdin, params string[] args)
    {
        var (code, stdout, stderr) = Run(script, stdin, args);
        code.Should().Be(0, $"python3 should succeed; stderr: {stderr}");
        return stdout;
    }
}
