using System.Diagnostics;
using System.Text;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.EnvConfig.Specs.ShellScript;

/// <summary>
/// Generated assignments (fixed seed) mixing every quoting bash offers for literals; bash runs them and prints each
/// value, and our decoded values must be identical.
/// </summary>
public sealed class ShellGeneratedOracleSpecs
{
    private const int Count = 200;

    private static readonly string[] Unquoted = ["a", "Z", "9", "_", "-", ".", "/", ":", "@", "%", "+", "=", ",", "é", "🔑", "\\ ", "\\#", "\\'", "\\\"", "\\\\", "\\$", "\\;"];
    private static readonly string[] InSingle = ["a", " ", "\"", "\\", "$", "#", "`", ";", "\n", "é"];
    private static readonly string[] InDouble = ["a", " ", "'", "#", ";", "\\\"", "\\\\", "\\$", "\\`", "\\n", "\\x", "é", "\n", "\\\n"];

    private static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];

    private static string Word(Random random)
    {
        var sb = new StringBuilder();
        for (var segments = random.Next(0, 4); segments > 0; segments--)
        {
            var length = random.Next(0, 6);
            switch (random.Next(3))
            {
                case 0:
                    for (var i = 0; i < Math.Max(1, length); i++) sb.Append(Pick(random, Unquoted));
                    break;
                case 1:
                    sb.Append('\'');
                    for (var i = 0; i < length; i++) sb.Append(Pick(random, InSingle));
                    sb.Append('\'');
                    break;
                default:
                    sb.Append('"');
                    for (var i = 0; i < length; i++) sb.Append(Pick(random, InDouble));
                    sb.Append('"');
                    break;
            }
        }

        return sb.ToString();
    }

    [Test]
    public void Generated_literal_assignments_decode_exactly_as_bash_assigns_them()
    {
        var random = new Random(31337);
        var script = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            var prefix = random.Next(3) switch { 0 => "export ", 1 => "readonly ", _ => string.Empty };
            script.Append(prefix).Append($"K{i}=").Append(Word(random)).Append(random.Next(4) == 0 ? " # trailing comment\n" : "\n");
        }

        var text = script.ToString();
        var parsed = StartServerScript.Parse(text);
        parsed.Assignments.Should().HaveCount(Count);
        parsed.ToString().Should().Be(text);

        string[] bashValues;
        try
        {
            bashValues = RunBash(text + "printf '%s\\0' " + string.Join(' ', Enumerable.Range(0, Count).Select(i => $"\"$K{i}\"")) + "\n");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("bash is not installed; it is the oracle here");
            return;
        }

        var mismatches = Enumerable.Range(0, Count)
            .Where(i => parsed.Assignments[i].Value != bashValues[i])
            .Select(i => $"K{i}: written {parsed.Assignments[i].RawValue}, ours [{parsed.Assignments[i].Value}], bash [{bashValues[i]}]")
            .ToList();
        mismatches.Should().BeEmpty();
        bashValues.Take(Count).Count(v => v.Contains(' ', StringComparison.Ordinal) || v.Contains('\\', StringComparison.Ordinal) || v.Contains('\n', StringComparison.Ordinal))
            .Should().BeGreaterThan(Count / 4, "the generator must produce values that exercise quoting, not just plain words");
    }

    private static string[] RunBash(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        start.ArgumentList.Add("-s");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, stderr.Result);
        return stdout.Result.Split('\0');
    }
}
