using Fixxit.Analyzers.Model;
using Fixxit.EnvConfig.Rules;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Checks;

/// <summary>FIX008: production runs the Vite dev server but installs without devDependencies (Vite is one).</summary>
internal static class ViteWithoutDevDependenciesCheck
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.ViteWithoutDevDependencies,
        "Production runs the Vite dev server without devDependencies",
        "[{0}] {1}: {2}",
        RuleDescriptors.TopologyCategory,
        "The plan keeps the Vite dev server in production but installs with `npm install --production`, which skips devDependencies and so Vite itself: the frontend does not start.",
        comparesDeclarations: true);

    /// <summary>Mirrors Fixxit.EnvConfig.Validation.ViteWithoutDevDependenciesRule, with the model's defaults for unset members.</summary>
    public static void Run(CheckContext context)
    {
        var types = context.Model.Types;
        var production = KnownTypes.EnumValue(types.Tier, ModelNames.Production);
        var vite = KnownTypes.EnumValue(types.FrontendMode, ModelNames.ViteDevServer);
        var productionOnly = KnownTypes.EnumValue(types.DependencyInstall, ModelNames.ProductionOnly);
        foreach (var env in context.Model.Environments)
        {
            var dependencies = env.Facts.Get(ModelNames.Dependencies);
            if (env.Facts.Get(ModelNames.TierMember).TryGetInt(out var tier) && tier == production
                && env.Facts.Get(ModelNames.Frontend).TryGetInt(out var frontend) && frontend == vite
                && dependencies.TryGetInt(out var install) && install == productionOnly)
            {
                context.Report(Rule, env.LocationOf(dependencies), null, env.DisplayName, ModelNames.Dependencies,
                    "the frontend runs the Vite dev server, but `npm install --production` skips devDependencies and so Vite; install all dependencies or serve a built frontend");
            }
        }
    }
}
