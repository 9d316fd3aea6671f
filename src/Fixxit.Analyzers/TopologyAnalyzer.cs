using System.Collections.Concurrent;
using System.Collections.Immutable;
using Fixxit.Analyzers.Checks;
using Fixxit.Analyzers.Evaluation;
using Fixxit.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fixxit.Analyzers;

/// <summary>
/// FIX001-FIX008 over a topology declared with Fixxit.EnvConfig. One analyzer collects the declarations once per
/// compilation and hands them to one check per rule (<see cref="Checks"/>): FIX004 and FIX006 are local and reported
/// as the code is analysed; the others compare declarations (other environments, values inherited through
/// <c>with</c> from other files) and are reported at compilation end.
/// </summary>
/// <remarks>
/// Declarations are read through operation actions: the compiler builds each member's operation tree once and shares it
/// with every operation-based analyzer (the SDK's .NET analyzers among them), which is cheaper than asking the semantic
/// model node by node (measured: docs/benchmarks/analyzers.md).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TopologyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        PortCollisionCheck.Rule,
        EncryptionKeyMismatchCheck.Rule,
        DevUrlInProductionCheck.Rule,
        SecretLiteralCheck.Rule,
        ProxyUpstreamCheck.Rule,
        InvalidPortCheck.Rule,
        OverlappingDirectoriesCheck.Rule,
        ViteWithoutDevDependenciesCheck.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        // No Fixxit.EnvConfig in the compilation: nothing to check, nothing registered.
        if (KnownTypes.TryCreate(context.Compilation) is not { } types) return;
        var collected = new Collected();

        context.RegisterOperationAction(c => CollectModelValue(c, types, collected), OperationKind.ObjectCreation, OperationKind.With);
        context.RegisterOperationAction(c => CollectInitializer(c, types, collected), OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.VariableDeclarator);
        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                InvalidPortCheck.Analyze(c.ReportDiagnostic, assignment, types);
                SecretLiteralCheck.AnalyzeExtra(c.ReportDiagnostic, assignment, types);
            },
            OperationKind.SimpleAssignment);
        // Literals: a syntax-node action, so the text test (almost always false) needs no binding at all.
        var secrets = new SecretLiteralCheck(types);
        context.RegisterSyntaxNodeAction(secrets.AnalyzeLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringText);
        context.RegisterCompilationEndAction(c => End(c, types, collected));
    }

    private static void CollectModelValue(OperationAnalysisContext context, KnownTypes types, Collected collected)
    {
        var name = types.ModelNameOf(context.Operation.Type);
        if (name == ModelNames.ServerHost)
        {
            collected.Hosts.Add(context.Operation);
            return;
        }

        // The receiver of another `with` is an intermediate value, not an environment of its own.
        if (name != ModelNames.AppEnvironment || context.Operation.ValueParent() is IWithOperation) return;
        collected.Environments.Add(new CollectedSite(context.Operation, context.ContainingSymbol.ContainingType ?? context.ContainingSymbol as INamedTypeSymbol));
    }

    private static void CollectInitializer(OperationAnalysisContext context, KnownTypes types, Collected collected)
    {
        switch (context.Operation)
        {
            case IFieldInitializerOperation field:
                foreach (var symbol in field.InitializedFields)
                {
                    // Only values that cannot change after initialisation can be followed.
                    if ((symbol.IsReadOnly && symbol.IsStatic) || symbol.IsConst) Remember(symbol, symbol.Type, field.Value);
                }

                break;
            case IPropertyInitializerOperation property:
                foreach (var symbol in property.InitializedProperties)
                {
                    if (symbol.IsStatic && symbol.SetMethod is null) Remember(symbol, symbol.Type, property.Value);
                }

                break;
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator when types.ModelNameOf(declarator.Symbol.Type) is not null:
                // Locals: only model values (a const local is folded by the compiler; other locals may be reassigned).
                Remember(declarator.Symbol, declarator.Symbol.Type, initializer.Value);
                break;
        }

        void Remember(ISymbol symbol, ITypeSymbol type, IOperation value)
        {
            if (types.ModelNameOf(type) is not null || type.SpecialType is SpecialType.System_String or SpecialType.System_Int32)
                collected.Initializers.TryAdd(symbol, value);
        }
    }

    private static void End(CompilationAnalysisContext context, KnownTypes types, Collected collected)
    {
        if (collected.Environments.IsEmpty) return;
        var evaluator = new Evaluator(types, collected.Initializers);
        var model = TopologyModel.Build(types, evaluator, collected.Environments, collected.Hosts);
        var check = new CheckContext(model, context.ReportDiagnostic);
        PortCollisionCheck.Run(check);
        EncryptionKeyMismatchCheck.Run(check);
        DevUrlInProductionCheck.Run(check);
        ProxyUpstreamCheck.Run(check);
        OverlappingDirectoriesCheck.Run(check);
        ViteWithoutDevDependenciesCheck.Run(check);
    }

    /// <summary>Per-compilation state, filled concurrently by the operation actions.</summary>
    private sealed class Collected
    {
        public ConcurrentBag<CollectedSite> Environments { get; } = new();

        public ConcurrentBag<IOperation> Hosts { get; } = new();

        public ConcurrentDictionary<ISymbol, IOperation> Initializers { get; } = new(SymbolEqualityComparer.Default);
    }
}
