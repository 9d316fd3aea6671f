using System.Diagnostics;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.EnvConfig.Specs.ShellScript;

/// <summary>
/// <see cref="StartServerScript.SetValue"/>: the variable bash sees after the edit is the value set (bash is the oracle),
/// the rest of the script is byte-for-byte what it was, and ambiguous definitions are refused without a change.
/// </summary>
public sealed class ShellScriptSetValueSpecs
{
    private static string BashValueOf(string script, string name)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        // The script runs as written, then prints what the variable holds at its end.
        start.ArgumentList.Add(script + $"\nprintf '%s' \"${name}\"");
        start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
        return stdout;
    }

    [TestCase("#!/bin/bash\nexport KEY=\"old\" # comment\necho hi >/dev/null\n")]
    [TestCase("#!/bin/bash\nKEY=old\n")]
    [TestCase("#!/bin/bash\necho start >/dev/null\n")]
    [TestCase("#!/bin/bash")]
    [TestCase("echo no shebang >/dev/null\n")]
    public void Bash_sees_the_value_that_was_set(string text)
    {
        var script = StartServerScript.Parse(text);
        script.SetValue("KEY", "new value with 'quotes' and $dollar");

        BashValueOf(script.ToString(), "KEY").Should().Be("new value with 'quotes' and $dollar");
    }

    [Test]
    public void Only_the_value_changes_on_an_existing_line()
    {
        var script = StartServerScript.Parse("#!/bin/bash\nexport KEY=\"old\" # keep me\nPORT=1\n");
        script.SetValue("KEY", "fresh");

        script.ToString().Should().Be("#!/bin/bash\nexport KEY=fresh # keep me\nPORT=1\n");
    }

    [Test]
    public void A_missing_variable_is_exported_right_after_the_shebang()
    {
        var script = StartServerScript.Parse("#!/bin/bash\nset -e\n./run\n");
        script.SetValue("KEY", "v");

        script.ToString().Should().Be("#!/bin/bash\nexport KEY=v\nset -e\n./run\n");
    }

    [TestCase("KEY=a\nKEY=b\n")]
    [TestCase("f() {\n  KEY=a\n}\n")]
    [TestCase("KEY=a ./run\n")]
    public void An_ambiguous_definition_is_refused_and_nothing_changes(string text)
    {
        var script = StartServerScript.Parse(text);

        var act = () => script.SetValue("KEY", "z");

        act.Should().Throw<ShellScriptEditException>().WithMessage("*KEY*");
        script.ToString().Should().Be(text);
    }
}
