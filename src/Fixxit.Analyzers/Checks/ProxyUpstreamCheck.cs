using System;
using System.Globalization;
using System.Linq;
using Fixxit.Analyzers.Model;
using Fixxit.EnvConfig.Rules;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Checks;

/// <summary>FIX005: an environment's reverse-proxy site forwards to a port other than its backend, or serves another domain.</summary>
internal static class ProxyUpstreamCheck
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.ProxyUpstreamMismatch,
        "Reverse-proxy upstream is not the environment's backend",
        "[{0}] {1}: {2}",
        RuleDescriptors.TopologyCategory,
        "Caddy forwards each domain to a local port. A site copied from dev keeps reverse_proxy localhost:8080, so app.fixxit.ai silently serves dev's backend.",
        comparesDeclarations: true);

    /// <summary>Mirrors Fixxit.EnvConfig.Validation.ProxyUpstreamRule; unknown values are skipped.</summary>
    public static void Run(CheckContext context)
    {
        foreach (var env in context.Model.Environments)
        {
            if (env.Facts.Get(ModelNames.Proxy).Object is not { } site) continue;
            var domainFact = site.Get(ModelNames.Domain);
            var domain = domainFact.TryGetString(out var d) ? d : "the proxy site";
            var upstream = site.Get(ModelNames.UpstreamPort);
            if (upstream.TryGetInt(out var upstreamPort) && env.Facts.Get(ModelNames.BackendPort).TryGetInt(out var backendPort) && upstreamPort != backendPort)
            {
                var owner = context.Model.Neighbours(env).FirstOrDefault(e => e != env && e.Facts.Get(ModelNames.BackendPort).TryGetInt(out var p) && p == upstreamPort);
                var whose = owner is null ? string.Empty : $" ({owner.DisplayName}'s backend)";
                var fix = env.Declares(upstream) ? CheckContext.ReplaceWith(backendPort.ToString(CultureInfo.InvariantCulture)) : null;
                context.Report(Rule, env.LocationOf(upstream), fix, env.DisplayName, "Proxy.UpstreamPort",
                    $"{domain} is proxied to port {upstreamPort}{whose}, but {env.DisplayName}'s backend listens on {backendPort}");
            }

            if (domainFact.TryGetString(out var proxied) && env.Facts.Get(ModelNames.PublicUrl).TryGetString(out var url)
                && Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.Equals(proxied, uri.Host, StringComparison.OrdinalIgnoreCase))
            {
                context.Report(Rule, env.LocationOf(domainFact), null, env.DisplayName, "Proxy.Domain",
                    $"the proxy site is {proxied}, but {env.DisplayName}'s public URL is on {uri.Host}");
            }
        }
    }
}
