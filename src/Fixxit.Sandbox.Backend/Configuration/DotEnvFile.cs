namespace Fixxit.Sandbox.Backend.Configuration;

/// <summary>
/// A parsed dotenv file as python-dotenv reads it: <c>KEY=VALUE</c>, optional <c>export </c> prefix, single or double
/// quotes, full-line and trailing <c> #</c> comments. Malformed lines are reported with their line number.
/// </summary>
public sealed class DotEnvFile
{
    private readonly Dictionary<string, string> _values;

    private DotEnvFile(string path, Dictionary<string, string> values)
    {
        Path = path;
        _values = values;
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? Get(string key) => _values.TryGetValue(key, out var v) ? v : null;

    /// <exception cref="ConfigurationException">Missing file or a line that is not <c>KEY=VALUE</c>.</exception>
    public static DotEnvFile Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigurationException($"{path}: file not found (the backend reads its settings from backend/.env)");
        return Parse(path, File.ReadAllLines(path));
    }

    public static DotEnvFile Parse(string path, IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line["export ".Length..].TrimStart();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ConfigurationException($"{path}:{number}: expected KEY=VALUE");
            var key = line[..eq].Trim();
            if (!IsValidKey(key)) throw new ConfigurationException($"{path}:{number}: '{key}' is not a valid variable name");
            values[key] = ParseValue(line[(eq + 1)..].Trim(), path, number);
        }

        return new DotEnvFile(path, values);
    }

    private static string ParseValue(string value, string path, int number)
    {
        if (value.Length > 0 && (value[0] == '"' || value[0] == '\''))
        {
            var quote = value[0];
            var end = value.IndexOf(quote, 1);
            if (end < 0) throw new ConfigurationException($"{path}:{number}: unterminated {quote} quote");
            var inner = value[1..end];
            return quote == '"' ? inner.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal) : inner;
        }

        // An unquoted value ends at " #" (python-dotenv keeps a '#' that is not preceded by whitespace).
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? value[..comment] : value).Trim();
    }

    private static bool IsValidKey(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '.');
}
