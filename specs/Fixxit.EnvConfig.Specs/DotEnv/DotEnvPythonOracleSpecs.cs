using System.Text.Json;
using Fixxit.EnvConfig.Specs.Fixtures;
using Fixxit.FileFormats.DotEnv;

namespace Fixxit.EnvConfig.Specs.DotEnv;

/// <summary>
/// Open WebUI loads backend/.env with python-dotenv; this machine has it, so the ugly files are read by both and
/// must give the same values (interpolation off: we report what is written, not what it expands to).
/// </summary>
public sealed class DotEnvPythonOracleSpecs
{
    private const string ReadWithPythonDotenv =
        "import sys, json, io\n" +
        "from dotenv import dotenv_values\n" +
        "text = sys.stdin.buffer.read().decode('utf-8-sig')\n" +
        "print(json.dumps(dotenv_values(stream=io.StringIO(text), interpolate=False)))\n";

    [OneTimeSetUp]
    public void NeedsPythonDotenv() => Python.Require("dotenv");

    private static Dictionary<string, string?> PythonValues(string text) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(Python.RunOk(ReadWithPythonDotenv, text))!;

    [TestCaseSource(typeof(UglyDotEnvFiles), nameof(UglyDotEnvFiles.RoundTripCases))]
    public void Values_match_python_dotenv(string text)
    {
        var ours = DotEnvDocument.Parse(text).Keys.ToDictionary(k => k, k => (string?)DotEnvDocument.Parse(text).Get(k));
        ours.Should().Equal(PythonValues(text));
    }

    [Test]
    public void Values_we_write_are_read_back_by_python_dotenv_unchanged()
    {
        string[] values = ["plain", "has space", "it's", "quote \" and back\\slash", "${NOT_EXPANDED}", "two\nlines", "tab\there", "#leading-hash", "", "pässwörd ✓"];
        var document = DotEnvDocument.Parse("# written by the specs\n");
        for (var i = 0; i < values.Length; i++) document.Set($"V{i}", values[i]);
        var python = PythonValues(document.ToString());
        for (var i = 0; i < values.Length; i++) python[$"V{i}"].Should().Be(values[i], $"V{i} was written as {document.Find($"V{i}")!.Quote}");
    }
}
