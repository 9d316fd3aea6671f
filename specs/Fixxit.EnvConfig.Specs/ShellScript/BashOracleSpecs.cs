using System.Diagnostics;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.EnvConfig.Specs.ShellScript;

/// <summary>bash itself as the oracle: our sample scripts are valid bash, and literal values decode as bash decodes them.</summary>
public sealed class BashOracleSpecs
{
    private static (int Code, string Stdout, string Stderr) Bash(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("K");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [OneTimeSetUp]
    public void NeedsBash()
    {
        try
        {
            Bash("-c", "true");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("bash is not installed; it is only the oracle for these specs");
        }
    }

    /// <summary>bash itself rejects CR and a BOM; for those we only promise to keep the bytes, so they are left out here.</summary>
    public static IEnumerable<TestCaseData> BashRunnableCases() =>
        UglyStartScripts.RoundTripCases().Where(c => c.Arguments[0] is string text && !text.Contains('\r', StringComparison.Ordinal) && !text.StartsWith('\uFEFF'));

    [TestCaseSource(nameof(BashRunnableCases))]
    public void The_sample_scripts_are_valid_bash(string text)
    {
        var (code, _, stderr) = Bash("-n", "-c", text);
        code.Should().Be(0, stderr);
    }

    [TestCase("K=plain")]
    [TestCase("K='single # not comment'")]
    [TestCase("K=\"double \\\"esc\\\" \\$5 \\\\ back\"")]
    [TestCase("K=a\\ b")]
    [TestCase("K='con'\"cat\"enated")]
    [TestCase("K=")]
    [TestCase("export K=\"" + UglyStartScripts.TestKey + "\"")]
    [TestCase("K='multi\nline'")]
    [TestCase("K=\"keep \\n literal\"")]
    public void A_literal_value_is_what_bash_assigns(string line)
    {
        var ours = StartServerScript.Parse(line + "\n").AssignmentsOf("K").Should().ContainSingle().Subject.Value;
        var (code, stdout, stderr) = Bash("-c", line + "\nprintf '%s' \"$K\"");
        code.Should().Be(0, stderr);
        ours.Should().Be(stdout);
    }
}
