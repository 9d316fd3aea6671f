using System.Globalization;
using Fixxit.Sandbox.Backend.Configuration;

namespace Fixxit.Sandbox.Backend.Cli;

/// <summary><c>--name value</c> options and <c>--flag</c> switches of one verb; anything unknown is an error naming it.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly string _verb;

    public CommandLine(string verb, IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
    {
        _verb = verb;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (flags.Contains(name))
            {
                _flags.Add(name);
                continue;
            }

            if (!options.Contains(name))
                throw new ConfigurationException($"{verb}: unknown option '{arg}' (expected {string.Join(", ", options.Concat(flags))})");
            if (eq > 0) _values[name] = arg[(eq + 1)..];
            else if (i + 1 < args.Count) _values[name] = args[++i];
            else throw new ConfigurationException($"{verb}: option {name} needs a value");
        }
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Optional(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public string Required(string name) => Optional(name) ?? throw new ConfigurationException($"{_verb}: option {name} is required");

    public int Port(string name)
    {
        var text = Required(name);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535) return port;
        throw new ConfigurationException($"{_verb}: {name} '{text}' is not a port number (1-65535)");
    }
}
