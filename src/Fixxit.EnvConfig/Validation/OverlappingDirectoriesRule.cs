using Fixxit.EnvConfig.Rules;

namespace Fixxit.EnvConfig.Validation;

/// <summary>FIX007: two environments on one host share a directory, or one lives inside the other.</summary>
public sealed class OverlappingDirectoriesRule : ITopologyRule
{
    public string Id => RuleIds.OverlappingDirectories;

    public IEnumerable<ConfigProblem> Check(Topology topology)
    {
        foreach (var host in topology.Hosts)
        {
            var envs = host.Environments;
            for (var i = 0; i < envs.Length; i++)
            {
                for (var j = i + 1; j < envs.Length; j++)
                {
                    if (DirectoryRules.Overlap(envs[i].Directory, envs[j].Directory) is { } why)
                        yield return new(Id, envs[j].Name, nameof(AppEnvironment.Directory), $"{why} ({envs[i].Name} and {envs[j].Name}); each environment needs its own tree");
                }
            }
        }
    }
}
