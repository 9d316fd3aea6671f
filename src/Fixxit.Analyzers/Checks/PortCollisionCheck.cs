using System.Collections.Generic;
using System.Globalization;
using Fixxit.Analyzers.Model;
using Fixxit.EnvConfig.Rules;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Checks;

/// <summary>FIX001: two environments of one host share a port, or an environment's backend and frontend are one port.</summary>
internal static class PortCollisionCheck
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.PortCollision,
        "Port collision between environments",
        "[{0}] {1}: {2}",
        RuleDescriptors.TopologyCategory,
        "Two environments on one host listen on the same port, or an environment's backend and frontend share one. The plan's 'DO NOT forget to update ports' trap: a copied environment keeps the source's ports.",
        comparesDeclarations: true);

    /// <summary>Mirrors Fixxit.EnvConfig.Validation.PortCollisionRule; an environment with an unknown port is skipped.</summary>
    public static void Run(CheckContext context)
    {
        foreach (var group in context.Model.Groups)
        {
            var taken = new HashSet<int>();
            foreach (var env in group.Members)
            {
                if (env.Facts.Get(ModelNames.BackendPort).TryGetInt(out var b)) taken.Add(b);
                if (env.Facts.Get(ModelNames.FrontendPort).TryGetInt(out var f)) taken.Add(f);
            }

            var owners = new Dictionary<int, (EnvironmentSite Env, string Setting)>();
            foreach (var env in group.Members)
            {
                var backend = env.Facts.Get(ModelNames.BackendPort);
                var frontend = env.Facts.Get(ModelNames.FrontendPort);
                if (!backend.TryGetInt(out var backendPort) || !frontend.TryGetInt(out var frontendPort)) continue;
                if (backendPort == frontendPort)
                {
                    Report(context, env, frontend, ModelNames.FrontendPort, taken, $"backend and frontend both use port {backendPort}; give the frontend its own port");
                    continue;
                }

                foreach (var (setting, fact, port) in new[] { (ModelNames.BackendPort, backend, backendPort), (ModelNames.FrontendPort, frontend, frontendPort) })
                {
                    if (owners.TryGetValue(port, out var owner))
                    {
                        Report(context, env, fact, setting, taken,
                            $"port {port} is already {owner.Env.DisplayName}'s {owner.Setting} on {group.Name}; each environment needs its own ports (the plan: DO NOT forget to update ports)");
                    }
                    else
                    {
                        owners[port] = (env, setting);
                    }
                }
            }
        }
    }

    private static void Report(CheckContext context, EnvironmentSite env, Fact fact, string setting, HashSet<int> taken, string message)
    {
        fact.TryGetInt(out var port);
        var next = PortRules.NextFree(port, taken);
        var properties = next == port ? null
            : env.Declares(fact) ? CheckContext.ReplaceWith(next.ToString(CultureInfo.InvariantCulture))
            : CheckContext.AddMember(setting, next.ToString(CultureInfo.InvariantCulture));
        context.Report(Rule, env.LocationOf(fact), properties, env.DisplayName, setting, message);
    }
}
