using Fixxit.EnvConfig.Rules;

namespace Fixxit.EnvConfig.Validation;

/// <summary>FIX008: production runs the Vite dev server but installs without devDependencies (Vite is one).</summary>
public sealed class ViteWithoutDevDependenciesRule : ITopologyRule
{
    public string Id => RuleIds.ViteWithoutDevDependencies;

    public IEnumerable<ConfigProblem> Check(Topology topology)
    {
        foreach (var env in topology.Environments)
        {
            if (env.Tier == Tier.Production && env.Frontend == FrontendMode.ViteDevServer && env.Dependencies == DependencyInstall.ProductionOnly)
                yield return new(Id, env.Name, nameof(env.Dependencies),
                    "the frontend runs the Vite dev server, but `npm install --production` skips devDependencies and so Vite; install all dependencies or serve a built frontend");
        }
    }
}
