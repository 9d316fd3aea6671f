using System.Text;
using System.Text.Json;
using Fixxit.EnvConfig.Specs.Fixtures;
using Fixxit.FileFormats.DotEnv;

namespace Fixxit.EnvConfig.Specs.DotEnv;

/// <summary>
/// Many generated .env files (fixed seed, so every run checks the same ones) with nasty characters in every quoting
/// style, read by us and by python-dotenv: the values must agree and the text must round-trip.
/// </summary>
public sealed class DotEnvGeneratedOracleSpecs
{
    private const int Documents = 150;

    private static readonly string[] Pieces = ["a", "Z", "0", "9", "_", "-", ".", "/", ":", "=", "#", " ", "\t", "$", "{", "}", "é", "✓", "🔑", "%", "@", "+", ","];

    private static string Piece(Random random, params string[] extra)
    {
        var i = random.Next(Pieces.Length + extra.Length);
        return i < Pieces.Length ? Pieces[i] : extra[i - Pieces.Length];
    }

    private static string Entry(Random random, int index)
    {
        var sb = new StringBuilder();
        if (random.Next(4) == 0) sb.Append(' ', random.Next(1, 3));
        if (random.Next(4) == 0) sb.Append("export").Append(' ', random.Next(1, 3));
        sb.Append($"K{index}");
        sb.Append(' ', random.Next(0, 2)).Append('=').Append(' ', random.Next(0, 2));
        var length = random.Next(0, 12);
        switch (random.Next(3))
        {
            case 0:
                // Unquoted: must not start with a quote; blanks and '#' inside are fair game.
                var value = new StringBuilder();
                for (var i = 0; i < length; i++) value.Append(Piece(random, "'", "\""));
                var text = value.ToString();
                if (text.Length > 0 && text[0] is '\'' or '"') text = "x" + text;
                sb.Append(text);
                break;
            case 1:
                sb.Append('\'');
                for (var i = 0; i < length; i++) sb.Append(Piece(random, "\\'", "\\\\", "\\n", "\"", "\n"));
                sb.Append('\'');
                break;
            default:
                sb.Append('"');
                for (var i = 0; i < length; i++) sb.Append(Piece(random, "\\\"", "\\\\", "\\n", "\\t", "'", "\\'", "\n"));
                sb.Append('"');
                break;
        }

        if (random.Next(4) == 0) sb.Append(' ', random.Next(1, 3)).Append("# note ").Append(index);
        if (random.Next(5) == 0) sb.Append(' ', random.Next(1, 3));
        return sb.ToString();
    }

    private static List<string> GeneratedDocuments()
    {
        var random = new Random(20260101);
        var documents = new List<string>();
        for (var d = 0; d < Documents; d++)
        {
            var newLine = random.Next(3) == 0 ? "\r\n" : "\n";
            var lines = new List<string>();
            var entries = random.Next(1, 8);
            for (var e = 0; e < entries; e++)
            {
                if (random.Next(5) == 0) lines.Add(random.Next(2) == 0 ? string.Empty : "# comment " + e);
                lines.Add(Entry(random, e));
            }

            var text = string.Join(newLine, lines);
            if (random.Next(3) != 0) text += newLine;
            documents.Add(text);
        }

        return documents;
    }

    [Test]
    public void Generated_documents_read_the_same_as_python_dotenv_and_round_trip()
    {
        Python.Require("dotenv");
        const string script =
            "import sys, json, io\n" +
            "from dotenv import dotenv_values\n" +
            "docs = json.load(sys.stdin)\n" +
            "print(json.dumps([dotenv_values(stream=io.StringIO(d), interpolate=False) for d in docs]))\n";
        var documents = GeneratedDocuments();
        var python = JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(Python.RunOk(script, JsonSerializer.Serialize(documents)))!;

        var mismatches = new List<string>();
        var refusedByBoth = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            // python-dotenv logs and skips a binding it cannot parse; we refuse the file. Either both accept all, or both object.
            var generatedKeys = Enumerable.Range(0, documents[d].Split('\n').Length).Select(i => $"K{i}").Where(k => documents[d].Contains(k + " ", StringComparison.Ordinal) || documents[d].Contains(k + "=", StringComparison.Ordinal)).ToHashSet();
            var pythonSkipped = !python[d].Keys.ToHashSet().SetEquals(generatedKeys) || python[d].Values.Any(v => v is null);
            DotEnvDocument ours;
            try
            {
                ours = DotEnvDocument.Parse(documents[d]);
            }
            catch (DotEnvFormatException e)
            {
                if (pythonSkipped) refusedByBoth++;
                else mismatches.Add($"document {d}: {JsonSerializer.Serialize(documents[d])}\n  ours:   {e.Message}\n  python: {JsonSerializer.Serialize(python[d])}");
                continue;
            }

            ours.ToString().Should().Be(documents[d]);
            var values = ours.Keys.ToDictionary(k => k, k => (string?)ours.Get(k));
            if (!values.OrderBy(p => p.Key).SequenceEqual(python[d].OrderBy(p => p.Key)))
                mismatches.Add($"document {d}: {JsonSerializer.Serialize(documents[d])}\n  ours:   {JsonSerializer.Serialize(values)}\n  python: {JsonSerializer.Serialize(python[d])}");
        }

        mismatches.Should().BeEmpty();
        TestContext.Out.WriteLine($"{Documents - refusedByBoth} documents compared value by value; {refusedByBoth} refused by both");
        refusedByBoth.Should().BeLessThan(Documents / 5, "most generated documents are valid, so the value comparison is what this spec exercises");
    }
}
