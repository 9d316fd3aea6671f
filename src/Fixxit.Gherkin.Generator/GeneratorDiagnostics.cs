using Microsoft.CodeAnalysis;

namespace Fixxit.Gherkin.Generator;

/// <summary>Diagnostics of the feature-file generator; the IDs are stable, docs and specs refer to them.</summary>
internal static class GeneratorDiagnostics
{
    public const string SyntaxErrorId = "FXG001";

    public static readonly DiagnosticDescriptor SyntaxError = new(
        SyntaxErrorId,
        "Gherkin syntax error",
        "{0}",
        "Gherkin",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A .feature file could not be parsed; no tests are generated for it.");
}
