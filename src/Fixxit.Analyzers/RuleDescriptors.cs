using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers;

/// <summary>Builds the descriptors the same way for every rule: category, help link to docs/rules, end-of-compilation tag.</summary>
internal static class RuleDescriptors
{
    public const string TopologyCategory = "Fixxit.Topology";
    public const string SecurityCategory = "Fixxit.Security";

    public static string HelpLink(string id) => $"https://github.com/fixxit/fixxit-verify/blob/main/docs/rules/{id}.md";

    /// <param name="comparesDeclarations">
    /// True for rules that need every declaration of the compilation (other environments, inherited values): they are
    /// reported at compilation end, which the IDE shows on full-solution analysis and the command-line build always.
    /// </param>
    public static DiagnosticDescriptor Create(string id, string title, string message, string category, string description, bool comparesDeclarations) =>
        comparesDeclarations
            ? new DiagnosticDescriptor(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, description, HelpLink(id), WellKnownDiagnosticTags.CompilationEnd)
            : new DiagnosticDescriptor(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, description, HelpLink(id));
}
