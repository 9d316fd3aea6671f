using System;
using System.Collections.Generic;
using System.Linq;
using Fixxit.Analyzers.Model;
using Fixxit.EnvConfig.Rules;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Checks;

/// <summary>FIX003: a production environment's URL setting points at another environment's host, localhost, or plain http.</summary>
internal static class DevUrlInProductionCheck
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.DevUrlInProduction,
        "Development URL in a production configuration",
        "[{0}] {1}: {2}",
        RuleDescriptors.TopologyCategory,
        "Open WebUI stores WEBUI_URL in its database; production copied from dev keeps https://dev.fixxit.ai unless its configuration says otherwise, and invitation links then point at dev. A production URL must be its own https host.",
        comparesDeclarations: true);

    /// <summary>Mirrors Fixxit.EnvConfig.Validation.DevUrlInProductionRule; unknown URLs are skipped.</summary>
    public static void Run(CheckContext context)
    {
        var production = KnownTypes.EnumValue(context.Model.Types.Tier, ModelNames.Production);
        foreach (var env in context.Model.Environments)
        {
            if (production is null || !env.Facts.Get(ModelNames.TierMember).TryGetInt(out var tier) || tier != production) continue;
            var ownKnown = TryHost(env.Facts, out var own);
            // Without the environment's own host, only the checks that do not need it (http, localhost) are certain.
            var others = ownKnown
                ? context.Model.Neighbours(env).Append(env).Select(e => TryHost(e.Facts, out var h) ? h : null).OfType<string>().ToList()
                : new List<string>();
            var publicUrl = env.Facts.Get(ModelNames.PublicUrl);
            if (publicUrl.TryGetString(out var ownUrl))
            {
                foreach (var other in context.Model.Neighbours(env))
                {
                    if (other == env || !TryHost(other.Facts, out var otherHost) || UrlRules.SharedHostProblem(ownUrl, other.DisplayName, otherHost) is not { } shared) continue;
                    context.Report(Rule, env.LocationOf(publicUrl), null, env.DisplayName, ModelNames.PublicUrl,
                        $"{shared}; invitation links and redirects would send users to {other.DisplayName}");
                }
            }

            foreach (var (setting, fact) in Urls(env.Facts))
            {
                if (!fact.TryGetString(out var url)) continue;
                var why = UrlRules.ProductionProblem(url, ownKnown ? own : string.Empty, others);
                if (why is null) continue;
                var use = ownKnown ? UrlRules.OwnHttpsUrl(own) : "the environment's own https URL";
                var fix = ownKnown && env.Declares(fact) && url != use ? CheckContext.ReplaceWith(Quote(use)) : null;
                context.Report(Rule, env.LocationOf(fact), fix, env.DisplayName, setting,
                    $"{why}; invitation links and redirects would send users there. Use {use}");
            }
        }
    }

    private static IEnumerable<(string Setting, Fact Url)> Urls(ObjectFacts env)
    {
        yield return (ModelNames.PublicUrl, env.Get(ModelNames.PublicUrl));
        if (env.Get(ModelNames.Settings).Object is not { } settings) yield break;
        foreach (var (setting, member) in new[] { ("WEBUI_URL", ModelNames.WebuiUrl), ("FRONTEND_BASE_URL", ModelNames.FrontendBaseUrl) })
        {
            var fact = settings.Get(member);
            if (!fact.IsKnownNull) yield return (setting, fact);
        }

        if (settings.Get(ModelNames.CorsAllowOrigins).TryGetList(out var origins))
        {
            foreach (var origin in origins) yield return ("CORS_ALLOW_ORIGIN", origin);
        }
    }

    private static bool TryHost(ObjectFacts env, out string host)
    {
        host = string.Empty;
        if (!env.Get(ModelNames.PublicUrl).TryGetString(out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        host = uri.Host;
        return true;
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
