using Fixxit.EnvConfig.Rules;

namespace Fixxit.EnvConfig.Validation;

/// <summary>FIX006: a port outside 1-65535 or owned by SSH or the proxy (22, 80, 443).</summary>
public sealed class InvalidPortRule : ITopologyRule
{
    public string Id => RuleIds.InvalidPort;

    public IEnumerable<ConfigProblem> Check(Topology topology)
    {
        foreach (var env in topology.Environments)
        {
            if (PortRules.Problem(env.BackendPort) is { } backend) yield return new(Id, env.Name, nameof(env.BackendPort), backend);
            if (PortRules.Problem(env.FrontendPort) is { } frontend) yield return new(Id, env.Name, nameof(env.FrontendPort), frontend);
            if (env.Proxy is { } site && PortRules.Problem(site.UpstreamPort) is { } upstream)
                yield return new(Id, env.Name, "Proxy.UpstreamPort", upstream);
        }
    }
}
