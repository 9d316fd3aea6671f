using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Rules;
using Fixxit.EnvConfig.Validation;
using Fixxit.OpenWebUi.Database;

namespace Fixxit.LiveChecks;

/// <summary>
/// FIX003 on a live server: Open WebUI keeps <c>WEBUI_URL</c> in its database (<c>webui.url</c>) after the first start,
/// and that value wins over <c>.env</c>. A database copied from dev therefore makes prod's invitation links point at dev.
/// </summary>
public static class PersistedUrlCheck
{
    /// <summary>
    /// A problem when the database's persisted <c>webui.url</c> is not the environment's URL; null when it is, or nothing
    /// is persisted. The message starts with the plan's cause: <c>prod DB's persisted webui.url is X, not Y</c>.
    /// </summary>
    public static ConfigProblem? Check(AppEnvironment environment, string? persistedWebuiUrl)
    {
        if (string.IsNullOrWhiteSpace(persistedWebuiUrl)) return null;
        var expected = ExpectedUrl(environment);
        if (SameUrl(persistedWebuiUrl, expected)) return null;
        var host = Uri.TryCreate(persistedWebuiUrl, UriKind.Absolute, out var uri) ? uri.Host : persistedWebuiUrl;
        return new ConfigProblem(
            RuleIds.DevUrlInProduction,
            environment.Name,
            "webui.url",
            $"{environment.Name} DB's persisted webui.url is {persistedWebuiUrl}, not {expected}: invitation links will point at {host}. The stored value overrides WEBUI_URL in .env, so rewrite it in the database (OpenWebUiDatabase.SetPersistedWebuiUrl on the copy) or in Admin > Settings > General.");
    }

    /// <summary>
    /// <see cref="Check(AppEnvironment, string?)"/> on the whole config, plus every other persisted URL that points at
    /// another environment's host (e.g. an OAuth redirect left on dev).
    /// </summary>
    public static IReadOnlyList<ConfigProblem> Check(Topology topology, AppEnvironment environment, PersistedConfig? config)
    {
        if (config is null) return [];
        var problems = new List<ConfigProblem>();
        if (Check(environment, config.WebuiUrl) is { } webui) problems.Add(webui);
        var otherHosts = topology.Environments.Where(e => e.Name != environment.Name).Select(e => e.PublicHost)
            .Where(h => !string.Equals(h, environment.PublicHost, StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var url in config.Urls().Where(u => u.Path != "webui.url"))
        {
            if (Uri.TryCreate(url.Url, UriKind.Absolute, out var uri) && otherHosts.Contains(uri.Host))
            {
                problems.Add(new ConfigProblem(RuleIds.DevUrlInProduction, environment.Name, url.Path,
                    $"{environment.Name} DB's persisted {url.Path} is {url.Url}, on {uri.Host} (another environment); it should use {environment.PublicHost} (OpenWebUiDatabase.RewritePersistedUrlOrigin on the copy)."));
            }
        }

        return problems;
    }

    /// <summary>The URL the environment should persist: its WEBUI_URL setting, else its public URL.</summary>
    public static string ExpectedUrl(AppEnvironment environment) => environment.Settings.WebuiUrl ?? environment.PublicUrl;

    /// <summary>Same scheme, host (any case), port and path (a trailing slash ignored).</summary>
    internal static bool SameUrl(string a, string b) =>
        Uri.TryCreate(a.Trim(), UriKind.Absolute, out var x) && Uri.TryCreate(b.Trim(), UriKind.Absolute, out var y)
        && x.Scheme == y.Scheme && string.Equals(x.Host, y.Host, StringComparison.OrdinalIgnoreCase) && x.Port == y.Port
        && x.AbsolutePath.TrimEnd('/') == y.AbsolutePath.TrimEnd('/') && x.Query == y.Query;
}
