using System.Text.RegularExpressions;

namespace Fixxit.Sandbox.Tree;

/// <summary>
/// Reads and rewrites <c>KEY=value</c> / <c>export KEY="value"</c> lines in a dotenv file or a shell script, keeping
/// every other line (and the line's own quoting and <c>export</c>) as it was. Enough for the sandbox's own files.
/// </summary>
public static partial class Assignments
{
    /// <summary>The value of the first assignment to <paramref name="key"/>, unquoted; null when there is none.</summary>
    public static string? Get(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            var m = Line().Match(line.TrimEnd('\r'));
            if (m.Success && m.Groups["key"].Value == key) return Unquote(m.Groups["value"].Value);
        }

        return null;
    }

    /// <summary>The text with every assignment to <paramref name="key"/> set to <paramref name="value"/>; appended when missing.</summary>
    public static string Set(string text, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').ToList();
        var found = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var m = Line().Match(lines[i].TrimEnd('\r'));
            if (!m.Success || m.Groups["key"].Value != key) continue;
            var old = m.Groups["value"].Value;
            var quote = old.Length > 0 && old[0] is '"' or '\'' ? old[0].ToString() : string.Empty;
            lines[i] = $"{m.Groups["prefix"].Value}{key}={quote}{value}{quote}{lines[i].TrimEnd('\r')[(m.Groups["value"].Index + m.Groups["value"].Length)..]}";
            found = true;
        }

        if (!found)
        {
            if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            lines.Add($"{key}={value}");
            lines.Add(string.Empty);
        }

        return string.Join('\n', lines);
    }

    /// <summary>The text without any assignment to <paramref name="key"/>.</summary>
    public static string Remove(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join('\n', text.Split('\n').Where(l => Line().Match(l.TrimEnd('\r')) is not { Success: true } m || m.Groups["key"].Value != key));
    }

    private static string Unquote(string value)
    {
        var v = value.Trim();
        return v.Length >= 2 && v[0] is '"' or '\'' && v[^1] == v[0] ? v[1..^1] : v;
    }

    // A whole-line assignment only: `VAR=x cmd …` (a command with a prefix assignment) must never match.
    [GeneratedRegex("^(?<prefix>\\s*(?:export\\s+)?)(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\"[^\"]*\"|'[^']*'|[^\\s\"'#;&|]*)\\s*(?:#.*)?$")]
    private static partial Regex Line();
}
