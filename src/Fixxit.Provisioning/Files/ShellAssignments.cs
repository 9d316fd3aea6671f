using System.Globalization;
using System.Text.RegularExpressions;

namespace Fixxit.Provisioning.Files;

/// <summary>
/// Precise edits of <c>NAME=value</c> / <c>export NAME="value"</c> statement lines (a line that is only the assignment,
/// optionally with a comment; <c>NAME=x command</c> prefixes are not assignments of the script's variable) in a shell script such as <c>start_server.sh</c>:
/// only the value of the named variable changes, every other byte stays (unlike the plan's <c>sed s/8080/8081/g</c>,
/// which would also rewrite any other 8080 and silently do nothing if the line looks different).
/// </summary>
public static partial class ShellAssignments
{
    /// <summary>The value of the last assignment to <paramref name="name"/> (quotes removed), or null.</summary>
    public static string? Get(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? value = null;
        foreach (Match m in Assignment().Matches(text))
        {
            if (m.Groups["name"].Value == name) value = Unquote(m.Groups["value"].Value);
        }

        return value;
    }

    /// <summary>Line numbers (1-based) of the assignments to <paramref name="name"/>.</summary>
    public static IReadOnlyList<int> Lines(string text, string name) =>
        Assignment().Matches(text).Where(m => m.Groups["name"].Value == name).Select(m => LineOf(text, m.Index)).ToList();

    /// <summary>Sets every assignment to <paramref name="name"/> to <paramref name="value"/>, keeping prefix, quoting and trailing comment.</summary>
    /// <exception cref="ProvisioningException">The script has no such assignment: the edit would silently do nothing.</exception>
    public static string Set(string text, string name, string value, string fileForMessages)
    {
        var found = false;
        var result = Assignment().Replace(text, m =>
        {
            if (m.Groups["name"].Value != name) return m.Value;
            found = true;
            var old = m.Groups["value"].Value;
            var quote = old.Length > 0 && old[0] is '"' or '\'' ? old[0].ToString() : string.Empty;
            return $"{m.Groups["prefix"].Value}{name}={quote}{value}{quote}{m.Groups["rest"].Value}";
        });
        return found ? result : throw new ProvisioningException(FailureKind.StepFailed,
            $"{fileForMessages}: no '{name}=' assignment found, so it cannot be set to {value}; the plan expects lines like '{name}=...' near the top");
    }

    public static string Set(string text, string name, int value, string fileForMessages) =>
        Set(text, name, value.ToString(CultureInfo.InvariantCulture), fileForMessages);

    /// <summary>Removes every assignment line of <paramref name="name"/>; all other lines stay as they are.</summary>
    public static string Remove(string text, string name)
    {
        var lines = text.Split('\n').ToList();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var m = Assignment().Match(lines[i]);
            if (!m.Success || m.Groups["name"].Value != name) continue;
            lines.RemoveAt(i);
        }

        return string.Join('\n', lines);
    }

    /// <summary>1-based lines that mention <paramref name="port"/> as a number anywhere except an assignment to one of <paramref name="allowedNames"/>.</summary>
    public static IReadOnlyList<int> StrayMentions(string text, int port, params string[] allowedNames)
    {
        var number = new Regex($@"(?<![0-9]){port.ToString(CultureInfo.InvariantCulture)}(?![0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var found = new List<int>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith('#') || !number.IsMatch(line)) continue;
            var m = Assignment().Match(line);
            if (m.Success && allowedNames.Contains(m.Groups["name"].Value)) continue;
            found.Add(i + 1);
        }

        return found;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string Unquote(string value)
    {
        var v = value.Trim();
        return v.Length >= 2 && v[0] is '"' or '\'' && v[^1] == v[0] ? v[1..^1] : v;
    }

    [GeneratedRegex(@"^(?<prefix>[ \t]*(?:export[ \t]+)?)(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""\n]*""|'[^'\n]*'|[^\s#;]*)(?<rest>[ \t]*(?:#[^\n]*)?)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();
}
