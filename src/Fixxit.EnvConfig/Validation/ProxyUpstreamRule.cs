using Fixxit.EnvConfig.Rules;

namespace Fixxit.EnvConfig.Validation;

/// <summary>FIX005: the proxy site of an environment forwards to a port other than the environment's backend.</summary>
public sealed class ProxyUpstreamRule : ITopologyRule
{
    public string Id => RuleIds.ProxyUpstreamMismatch;

    public IEnumerable<ConfigProblem> Check(Topology topology)
    {
        foreach (var env in topology.Environments)
        {
            if (env.Proxy is not { } site) continue;
            if (site.UpstreamPort != env.BackendPort)
            {
                var owner = topology.Environments.FirstOrDefault(e => e != env && e.BackendPort == site.UpstreamPort);
                var whose = owner is null ? string.Empty : $" ({owner.Name}'s backend)";
                yield return new(Id, env.Name, "Proxy.UpstreamPort",
                    $"{site.Domain} is proxied to port {site.UpstreamPort}{whose}, but {env.Name}'s backend listens on {env.BackendPort}");
            }

            if (!string.Equals(site.Domain, env.PublicHost, StringComparison.OrdinalIgnoreCase))
            {
                yield return new(Id, env.Name, "Proxy.Domain",
                    $"the proxy site is {site.Domain}, but {env.Name}'s public URL is on {env.PublicHost}");
            }
        }
    }
}
