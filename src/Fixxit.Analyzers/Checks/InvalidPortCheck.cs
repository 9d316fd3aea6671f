using Fixxit.Analyzers.Evaluation;
using Fixxit.EnvConfig.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fixxit.Analyzers.Checks;

/// <summary>
/// FIX006: a port outside 1-65535 or owned by SSH or the proxy (22, 80, 443). Reported where the port is written, so an
/// environment that inherits it through <c>with</c> is covered by the report on its source (and the editor shows it live).
/// </summary>
internal static class InvalidPortCheck
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.InvalidPort,
        "Invalid or reserved port",
        "{0}: {1}",
        RuleDescriptors.TopologyCategory,
        "An application port must be within 1-65535 and must not be 22 (SSH), 80 or 443 (the reverse proxy): the app would fail to bind, or take the port from Caddy or sshd.",
        comparesDeclarations: false);

    /// <summary>Called for assignments in initializers; acts on BackendPort / FrontendPort / UpstreamPort of the model.</summary>
    public static void Analyze(System.Action<Diagnostic> report, ISimpleAssignmentOperation assignment, KnownTypes types)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } target) return;
        var owner = types.ModelNameOf(target.Property.ContainingType);
        var name = target.Property.Name;
        var isPort = (owner == ModelNames.AppEnvironment && (name == ModelNames.BackendPort || name == ModelNames.FrontendPort))
            || (owner == ModelNames.ProxySite && name == ModelNames.UpstreamPort);
        if (!isPort || !ConstantText.TryGetValue(assignment.Value, out var value) || value is not int port) return;
        if (PortRules.Problem(port) is { } why)
        {
            var setting = owner == ModelNames.ProxySite ? "Proxy.UpstreamPort" : name;
            report(Diagnostic.Create(Rule, assignment.Value.Syntax.GetLocation(), setting, why));
        }
    }
}
