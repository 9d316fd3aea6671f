using System.Collections.Immutable;
using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Rules;
using Fixxit.EnvConfig.Validation;
using Fixxit.FileFormats.DotEnv;

namespace Fixxit.LiveChecks;

/// <summary>
/// FIX003 on the deployed <c>backend/.env</c>: the URL settings a copied <c>.env</c> carries over
/// (<c>WEBUI_URL</c>, <c>FRONTEND_BASE_URL</c>, each <c>;</c>-separated <c>CORS_ALLOW_ORIGIN</c>) must not point a
/// production environment at another environment's host, localhost or plain http; a development environment's must not
/// point at another environment's host.
/// </summary>
public static class DotEnvUrlCheck
{
    /// <summary>The URL-valued keys checked (Open WebUI's names).</summary>
    public static readonly ImmutableArray<string> UrlKeys = ["WEBUI_URL", "FRONTEND_BASE_URL", "CORS_ALLOW_ORIGIN"];

    /// <param name="dotEnvPath">The file's name in messages; by default the environment's <see cref="AppEnvironment.DotEnvFile"/>.</param>
    /// <exception cref="DotEnvFormatException">The text is malformed.</exception>
    public static IReadOnlyList<ConfigProblem> Check(Topology topology, AppEnvironment environment, string dotEnvText, string? dotEnvPath = null)
    {
        dotEnvPath ??= environment.DotEnvFile;
        var document = DotEnvDocument.Parse(dotEnvText, dotEnvPath);
        var ownHost = environment.PublicHost;
        var otherHosts = topology.Environments.Where(e => e.Name != environment.Name).Select(e => e.PublicHost).ToList();
        var problems = new List<ConfigProblem>();
        foreach (var entry in document.Entries.Where(e => UrlKeys.Contains(e.Key)))
        {
            var urls = entry.Key == "CORS_ALLOW_ORIGIN" ? entry.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [entry.Value.Trim()];
            foreach (var url in urls.Where(u => u.Length > 0 && u != "*"))
            {
                var why = environment.Tier == Tier.Production
                    ? UrlRules.ProductionProblem(url, ownHost, otherHosts)
                    : Uri.TryCreate(url, UriKind.Absolute, out var uri) && otherHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase) && !string.Equals(uri.Host, ownHost, StringComparison.OrdinalIgnoreCase)
                        ? $"'{url}' points at {uri.Host}, another environment's host"
                        : null;
                if (why is not null)
                {
                    problems.Add(new ConfigProblem(RuleIds.DevUrlInProduction, environment.Name, entry.Key,
                        $"{dotEnvPath}:{entry.LineNumber}: {why}. Use {UrlRules.OwnHttpsUrl(ownHost)}."));
                }
            }
        }

        return problems;
    }
}
