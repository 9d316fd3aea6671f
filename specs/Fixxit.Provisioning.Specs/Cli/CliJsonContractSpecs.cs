using System.Text.Json;
using System.Xml.Linq;
using Fixxit.Provisioning.Specs.Support;

namespace Fixxit.Provisioning.Specs.Cli;

/// <summary>
/// Every verb of the real <c>fixxit</c> has <c>--json</c>, and each prints exactly one envelope (docs/cli.md) on stdout
/// that passes one schema check. The verbs are read from the CLI's own model (<c>fixxit cli xmldoc</c>, built from its
/// registrations), so a verb added without --json, or without a case here, fails this spec.
/// </summary>
public sealed class CliJsonContractSpecs
{
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "fixxit-cli-json-" + Guid.NewGuid().ToString("N")[..8]);
    private static readonly string Empty = Path.Combine(Scratch, "empty");
    private static readonly string NotEmpty = Path.Combine(Scratch, "not-empty");

    /// <summary>Each verb in a cheap, harmless mode (bad input, no sandbox, an empty root) and the exit code that mode must give.</summary>
    private static readonly Dictionary<string, (string[] Args, int ExitCode)> Cases = new()
    {
        ["validate"] = (["validate", "--topology", "no-such-topology"], 2),
        ["gate"] = (["gate", "--slot", "12", "--root", Empty], 2),
        ["sandbox up"] = (["sandbox", "up", "--slot", "12", "--root", Empty], 2),
        ["sandbox down"] = (["sandbox", "down", "--root", Empty], 0),
        ["sandbox status"] = (["sandbox", "status", "--root", Empty], 1),
        ["sandbox reset"] = (["sandbox", "reset", "--slot", "12", "--root", Empty], 2),
        ["sandbox fault on"] = (["sandbox", "fault", "on", "no-such-fault", "--root", Empty], 2),
        ["sandbox fault off"] = (["sandbox", "fault", "off", "no-such-fault", "--root", Empty], 2),
        ["sandbox fault list"] = (["sandbox", "fault", "list"], 0),
        ["plan"] = (["plan", "prod", "--root", Empty], 2),
        ["apply"] = (["apply", "prod", "--root", Empty], 2),
        ["deploy"] = (["deploy", "prod", "--root", Empty], 2),
        ["rollback"] = (["rollback", "prod", "--root", Empty], 2),
        ["backup"] = (["backup", "prod", "--root", Empty], 2),
        ["restore"] = (["restore", "prod", "--from", "webui-x.db", "--root", Empty], 2),
        ["releases"] = (["releases", "prod", "--root", Empty], 2),
        ["lock status"] = (["lock", "status", "prod", "--root", Empty], 2),
        ["lock release"] = (["lock", "release", "prod", "--root", Empty], 2),
        ["doctor"] = (["doctor", "prod", "--root", Empty], 2),
        ["rehearsal run"] = (["rehearsal", "run", "--settings", "runsettings/no-such.runsettings", "--root", Empty], 2),
        ["rehearsal up"] = (["rehearsal", "up", "--root", NotEmpty], 4),
        ["rehearsal status"] = (["rehearsal", "status", "--root", Empty], 0),
        ["rehearsal down"] = (["rehearsal", "down", "--root", Empty], 0),
        ["rehearsal inside-up"] = (["rehearsal", "inside-up", "--root", Empty], 4),
        ["nightly"] = (["nightly", "--settings", Path.Combine(Scratch, "no-such-nightly.json")], 2),
        ["nightly install"] = (["nightly", "install", "--at", "25:99", "--output", Empty], 2),
        ["report trace"] = (["report", "trace", Path.Combine(Scratch, "no-such-trace.zip")], 2),
    };

    private static readonly string[] EnvelopeFields = ["schemaVersion", "command", "ok", "exitCode", "data", "errors"];
    private static readonly string[] ErrorFields = ["code", "message", "setting", "file", "line"];

    [OneTimeSetUp]
    public void CreateScratch()
    {
        Directory.CreateDirectory(Empty);
        Directory.CreateDirectory(NotEmpty);
        File.WriteAllText(Path.Combine(NotEmpty, "someone-elses-file"), "not a rehearsal root");
    }

    [OneTimeTearDown]
    public void RemoveScratch() => Directory.Delete(Scratch, recursive: true);

    [Test]
    public async Task Every_registered_verb_has_json_and_a_case_in_this_spec()
    {
        var verbs = await VerbsAsync();

        verbs.Keys.Should().Contain(["validate", "gate", "apply", "deploy", "lock status", "sandbox fault on", "nightly install"], "the model lists nested verbs by their full path");
        verbs.Where(v => !v.Value.Contains("json")).Select(v => v.Key).Should().BeEmpty("every verb takes --json");
        verbs.Keys.Except(Cases.Keys).Should().BeEmpty("each verb needs a cheap --json case in CliJsonContractSpecs.Cases");
    }

    [Test]
    public async Task Every_verb_prints_one_envelope_that_passes_the_schema()
    {
        var failures = new List<string>();
        foreach (var verb in (await VerbsAsync()).Keys.Intersect(Cases.Keys))
        {
            var (args, expected) = Cases[verb];
            var (code, stdout, stderr) = await CliProcess.RunSeparatelyAsync([.. args, "--json"]);
            var problems = SchemaProblems(verb, code, stdout).ToList();
            if (code != expected) problems.Add($"exit {code}, expected {expected}");
            if (problems.Count > 0) failures.Add($"{verb}: {string.Join("; ", problems)}\n  stdout: {stdout}\n  stderr: {stderr}");
        }

        failures.Should().BeEmpty();
    }

    [Test]
    public async Task A_usage_error_and_an_unknown_verb_come_out_as_the_envelope_too()
    {
        var (code, stdout, _) = await CliProcess.RunSeparatelyAsync("apply", "prod", "--no-such-option", "--json");
        code.Should().Be(2);
        SchemaProblems("apply", code, stdout).Should().BeEmpty();

        (code, stdout, _) = await CliProcess.RunSeparatelyAsync("no-such-verb", "--json");
        code.Should().Be(2);
        SchemaProblems(string.Empty, code, stdout).Should().BeEmpty();
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString().Should().Be("usage");
    }

    [Test]
    public async Task Human_output_goes_to_stderr_under_json()
    {
        var (code, stdout, stderr) = await CliProcess.RunSeparatelyAsync("validate", "--topology", "fixxit", "--json");

        code.Should().Be(0);
        SchemaProblems("validate", code, stdout).Should().BeEmpty();
        stdout.Should().NotContain("✓", "the human line is not part of the document");
        stderr.Should().Contain("topology fixxit");
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("data").GetProperty("topologies")[0].GetProperty("topology").GetString().Should().Be("fixxit");
    }

    /// <summary>The one schema: exactly the envelope's fields, typed; ok exactly when exit 0; a failure names at least one error.</summary>
    private static IEnumerable<string> SchemaProblems(string verb, int exitCode, string stdout)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stdout);
        }
        catch (JsonException e)
        {
            return [$"stdout is not one JSON document: {e.Message}"];
        }

        using (document)
        {
            return Check(document.RootElement, verb, exitCode).ToList();
        }
    }

    private static IEnumerable<string> Check(JsonElement root, string verb, int exitCode)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield return "not an object";
            yield break;
        }

        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        if (!names.SequenceEqual(EnvelopeFields)) yield return $"fields [{string.Join(", ", names)}], expected [{string.Join(", ", EnvelopeFields)}]";
        if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1) yield return "schemaVersion is not 1";
        if (!root.TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.String || command.GetString() != verb) yield return $"command is not \"{verb}\"";
        if (!root.TryGetProperty("exitCode", out var code) || code.ValueKind != JsonValueKind.Number || code.GetInt32() != exitCode) yield return $"exitCode is not the process's {exitCode}";
        if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False) || ok.GetBoolean() != (exitCode == 0)) yield return "ok is not (exitCode == 0)";
        if (!root.TryGetProperty("data", out var data) || data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null)) yield return "data is neither an object nor null";
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            yield return "errors is not an array";
            yield break;
        }

        if (exitCode != 0 && errors.GetArrayLength() == 0) yield return "a failure without an error";
        foreach (var error in errors.EnumerateArray())
        {
            if (error.ValueKind != JsonValueKind.Object)
            {
                yield return "an error is not an object";
                continue;
            }

            if (error.EnumerateObject().Select(p => p.Name).Except(ErrorFields).ToList() is { Count: > 0 } extra) yield return $"error has unknown fields {string.Join(", ", extra)}";
            foreach (var field in new[] { "code", "message" })
            {
                if (!error.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString())) yield return $"error.{field} is not a non-empty string";
            }

            if (error.TryGetProperty("line", out var line) && line.ValueKind != JsonValueKind.Number) yield return "error.line is not a number";
        }
    }

    /// <summary>Every executable verb (full path) with its long options, from the CLI's model of its own registrations.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> VerbsAsync()
    {
        var (code, xml, stderr) = await CliProcess.RunSeparatelyAsync("cli", "xmldoc");
        code.Should().Be(0, stderr);
        var verbs = new Dictionary<string, HashSet<string>>();
        foreach (var command in XDocument.Parse(xml).Descendants("Command").Where(c => (string?)c.Attribute("IsBranch") == "false"))
        {
            var path = string.Join(' ', command.AncestorsAndSelf("Command").Reverse()
                .Select(c => (string)c.Attribute("Name")!)
                .Where(n => n != "__default_command"));
            if (path.Split(' ')[0] == "cli") continue; // Spectre's own introspection verbs
            verbs[path] = [.. command.AncestorsAndSelf("Command").SelectMany(c => c.Elements("Parameters").Elements("Option")).Select(o => (string)o.Attribute("Long")!)];
        }

        return verbs;
    }
}
