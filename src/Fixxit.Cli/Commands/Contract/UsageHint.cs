using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands;

/// <summary>
/// A parse error in the user's words: the unknown option or verb named, with the closest real one when it is a likely
/// misspelling (<c>--topolgy</c> → did you mean <c>--topology</c>?).
/// </summary>
public static partial class UsageHint
{
    public static string For(string spectreMessage, IReadOnlyList<string> args, VerbCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(spectreMessage);
        ArgumentNullException.ThrowIfNull(catalog);
        var path = catalog.PathOf(args);
        var verb = path.Length == 0 ? "fixxit" : $"fixxit {path}";
        if (UnknownOption().Match(spectreMessage) is { Success: true } option)
        {
            var name = option.Groups["name"].Value.TrimStart('-');
            var known = catalog.Find(path) is { } found ? OptionsOf(found.Settings) : [];
            return $"unknown option --{name} for '{verb}'{Suggest(name, known, "--")}; '{verb} --help' lists its options";
        }

        if (UnknownCommand().Match(spectreMessage) is { Success: true } command)
        {
            var name = command.Groups["name"].Value;
            return $"unknown verb '{name}' for '{verb}'{Suggest(name, catalog.NamesUnder(path), string.Empty)}; '{verb} --help' lists them";
        }

        return spectreMessage.TrimEnd('.');
    }

    /// <summary>The long option names a settings type accepts (its own and inherited).</summary>
    public static IReadOnlyList<string> OptionsOf(Type settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .SelectMany(a => a.LongNames)
            .Distinct()];
    }

    private static string Suggest(string typed, IEnumerable<string> known, string prefix)
    {
        var best = known
            .Select(k => (Name: k, Distance: Distance(typed.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= Math.Max(1, k.Name.Length / 3))
            .OrderBy(k => k.Distance)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : $" (did you mean {prefix}{best.Name}?)";
    }

    /// <summary>Edit distance with adjacent transpositions (optimal string alignment): "topolgy" is one edit from "topology".</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex("^Unknown option '(?<name>[^']+)'")]
    private static partial Regex UnknownOption();

    [GeneratedRegex("^Unknown command '(?<name>[^']+)'")]
    private static partial Regex UnknownCommand();
}
