using Fixxit.EnvConfig.Rules;

namespace Fixxit.EnvConfig.Validation;

/// <summary>FIX003: a production environment's URL settings point at another environment's host, localhost, or http.</summary>
public sealed class DevUrlInProductionRule : ITopologyRule
{
    public string Id => RuleIds.DevUrlInProduction;

    public IEnumerable<ConfigProblem> Check(Topology topology)
    {
        var hosts = topology.Environments.Select(TryHost).OfType<string>().ToList();
        foreach (var env in topology.Environments.Where(e => e.Tier == Tier.Production))
        {
            var own = TryHost(env) ?? string.Empty;
            foreach (var other in topology.Environments.Where(o => !ReferenceEquals(o, env)))
            {
                if (TryHost(other) is { } otherHost && UrlRules.SharedHostProblem(env.PublicUrl, other.Name, otherHost) is { } shared)
                    yield return new(Id, env.Name, "PublicUrl", $"{shared}; invitation links and redirects would send users to {other.Name}");
            }

            var urls = new[] { ("PublicUrl", env.PublicUrl) }.Concat(env.Settings.Urls());
            foreach (var (setting, url) in urls)
            {
                if (UrlRules.ProductionProblem(url, own, hosts) is { } why)
                    yield return new(Id, env.Name, setting, $"{why}; invitation links and redirects would send users there. Use {UrlRules.OwnHttpsUrl(own)}");
            }
        }
    }

    private static string? TryHost(AppEnvironment env) =>
        Uri.TryCreate(env.PublicUrl, UriKind.Absolute, out var uri) ? uri.Host : null;
}
