using Fixxit.EnvConfig.Rules;

namespace Fixxit.EnvConfig.Validation;

/// <summary>FIX001: two environments on one host share a port, or an environment's backend and frontend are one port.</summary>
public sealed class PortCollisionRule : ITopologyRule
{
    public string Id => RuleIds.PortCollision;

    public IEnumerable<ConfigProblem> Check(Topology topology)
    {
        foreach (var host in topology.Hosts)
        {
            var owners = new Dictionary<int, (AppEnvironment Env, string Setting)>();
            foreach (var env in host.Environments)
            {
                if (env.BackendPort == env.FrontendPort)
                {
                    yield return new(Id, env.Name, nameof(env.FrontendPort),
                        $"backend and frontend both use port {env.BackendPort}; give the frontend its own port");
                    continue;
                }

                foreach (var (setting, port) in new[] { (nameof(env.BackendPort), env.BackendPort), (nameof(env.FrontendPort), env.FrontendPort) })
                {
                    if (owners.TryGetValue(port, out var owner))
                    {
                        yield return new(Id, env.Name, setting,
                            $"port {port} is already {owner.Env.Name}'s {owner.Setting} on host {host.Name}; each environment needs its own ports (the plan: DO NOT forget to update ports)");
                    }
                    else
                    {
                        owners[port] = (env, setting);
                    }
                }
            }
        }
    }
}
