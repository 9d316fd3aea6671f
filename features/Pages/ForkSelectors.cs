using System.Text.Json;
using Fixxit.Checklist.Features.Support;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>
/// The one place that knows the DOM of the fork's own pages (invitations, manager dashboard, logs): defaults in
/// Pages/fork-selectors.json, overridable per target by the JSON file the runsettings parameter SelectorsFile names, so
/// a changed fork page needs no code change. Upstream Open WebUI pages use role/label locators in their page objects.
/// </summary>
public sealed class ForkSelectors
{
    private readonly Dictionary<string, string> _selectors;

    private ForkSelectors(Dictionary<string, string> selectors) => _selectors = selectors;

    /// <summary>The selector for <paramref name="key"/>, with {placeholders} filled from <paramref name="values"/>.</summary>
    public string this[string key, params (string Name, string Value)[] values]
    {
        get
        {
            if (!_selectors.TryGetValue(key, out var selector)) throw new KeyNotFoundException($"no fork selector '{key}' (see Pages/fork-selectors.json)");
            foreach (var (name, value) in values) selector = selector.Replace("{" + name + "}", value, StringComparison.Ordinal);
            return selector;
        }
    }

    public static ForkSelectors Load(string? overrideFile)
    {
        var defaults = Read(Path.Combine(AppContext.BaseDirectory, "Pages", "fork-selectors.json"));
        if (string.IsNullOrWhiteSpace(overrideFile)) return new ForkSelectors(defaults);
        var full = Path.GetFullPath(overrideFile);
        if (!File.Exists(full)) throw new FileNotFoundException($"SelectorsFile {full} (from the runsettings) does not exist", full);
        foreach (var (key, value) in Read(full))
        {
            if (!defaults.ContainsKey(key)) throw new InvalidDataException($"{full}: unknown selector key '{key}' (known keys are in Pages/fork-selectors.json)");
            defaults[key] = value;
        }

        return new ForkSelectors(defaults);
    }

    private static Dictionary<string, string> Read(string path)
    {
        try
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path}: empty selector file");
            map.Remove("//");
            return map;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a JSON object of selector strings ({e.Message})", e);
        }
    }
}
