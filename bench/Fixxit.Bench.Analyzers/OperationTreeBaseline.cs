using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fixxit.Bench.Analyzers;

/// <summary>
/// An analyzer with the Fixxit analyzer's registrations and empty callbacks: what the compiler spends to bind the
/// declarations, build their operation trees and deliver the events, which every semantic analyzer pays (and the
/// SDK's analyzers already pay in a normal build). Subtracted from the Fixxit analyzer's cost, it leaves the rules.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class OperationTreeBaseline : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH000", "never reported", "never reported", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation, OperationKind.With, OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.VariableDeclarator, OperationKind.SimpleAssignment);
            start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringText);
            start.RegisterCompilationEndAction(_ => { });
        });
    }
}
