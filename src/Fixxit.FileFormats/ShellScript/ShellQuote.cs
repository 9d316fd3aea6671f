namespace Fixxit.FileFormats.ShellScript;

/// <summary>Builds POSIX shell command lines from arguments, so paths and values cannot be re-interpreted by the shell.</summary>
public static class ShellQuote
{
    /// <summary>The argument as one shell word: bare when it only has safe characters, else in single quotes.</summary>
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(IsSafe)) return argument;
        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>The command and its arguments, each quoted, joined by spaces.</summary>
    public static string Join(params IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    private static bool IsSafe(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '/' or '.' or '_' or '-' or ':' or '=' or '@' or ',' or '+';
}
