using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Fixxit.Analyzers.Evaluation;
using Fixxit.EnvConfig.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fixxit.Analyzers.Checks;

/// <summary>
/// FIX004: a secret value in configuration source. Any string literal that looks like a secret
/// (<see cref="SecretLiteralRules.LooksLikeSecret"/>) in a file that declares topology, and any value given to a
/// secret-named key of <c>AppSettings.Extra</c>. The heuristic "high-entropy token" is reported as a warning; the
/// recognisable shapes (Fernet key, private key, API key, JWT) and secret-named keys as errors.
/// </summary>
internal sealed class SecretLiteralCheck
{
    public const string HighEntropyKind = "a high-entropy token";

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.SecretLiteral,
        "Secret literal in configuration source",
        "{0}: {1}",
        RuleDescriptors.SecurityCategory,
        "Secrets live on the server (backend/.env, start_server.sh) or in environment variables, never in source: the topology is committed, reviewed and printed. Declare a SecretRef (with a fingerprint to prove two environments share a key).",
        comparesDeclarations: false);

    private static readonly HashSet<string> KeyParameters = new() { "key", "variable", "name", "Key" };

    private readonly KnownTypes types;

    // Whether a file declares topology, decided once per file and only when it has a secret-looking literal.
    private readonly ConcurrentDictionary<SyntaxTree, bool> topologyFiles = new();

    public SecretLiteralCheck(KnownTypes types) => this.types = types;

    /// <summary>Per literal: the text test first (cheap, almost always false), then whether the file declares topology.</summary>
    public void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var token = context.Node switch
        {
            LiteralExpressionSyntax literal => literal.Token,
            InterpolatedStringTextSyntax text => text.TextToken,
            _ => default,
        };
        var value = token.ValueText;
        if (value is null || value.Length < 8 || SecretLiteralRules.LooksLikeSecret(value) is not { } kind) return;
        var model = context.SemanticModel;
        if (!topologyFiles.GetOrAdd(model.SyntaxTree, tree => DeclaresTopology(tree.GetRoot(context.CancellationToken), model, context.CancellationToken))) return;
        var severity = kind == HighEntropyKind ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
        var properties = KeyNameFor(context.Node, model, context.CancellationToken) is { } replacement
            ? ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Mode, FixProperties.ReplaceValue).Add(FixProperties.Replacement, replacement)
            : null;
        context.ReportDiagnostic(Diagnostic.Create(Rule, token.GetLocation(), severity, null, properties,
            "string literal", $"this text looks like {kind}; keep secrets out of configuration source and declare a SecretRef"));
    }

    /// <summary>Values of secret-named keys in <c>Settings.Extra</c> (<c>.Add("WEBUI_SECRET_KEY", "…")</c>, indexers, pairs).</summary>
    public static void AnalyzeExtra(System.Action<Diagnostic> report, ISimpleAssignmentOperation assignment, KnownTypes types)
    {
        if (assignment.Target is not IPropertyReferenceOperation target || target.Property.Name != ModelNames.Extra
            || types.ModelNameOf(target.Property.ContainingType) != ModelNames.AppSettings) return;
        foreach (var operation in assignment.Value.DescendantsAndSelf())
        {
            var (keyOperation, valueOperation) = operation switch
            {
                IInvocationOperation { Arguments.Length: 2 } call when call.TargetMethod.Name is "Add" or "SetItem" or "Create" or "TryAdd"
                    => (call.Arguments[0].Value, call.Arguments[1].Value),
                IObjectCreationOperation { Arguments.Length: 2 } pair when pair.Type?.Name == "KeyValuePair" => (pair.Arguments[0].Value, pair.Arguments[1].Value),
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } set => (indexer.Arguments[0].Value, set.Value),
                _ => (null, null),
            };
            if (keyOperation is null || valueOperation is null) continue;
            if (!ConstantText.TryGetValue(keyOperation, out var k) || k is not string key) continue;
            if (!ConstantText.TryGetValue(valueOperation, out var v) || v is not string value) continue;
            var looksLike = SecretLiteralRules.LooksLikeSecret(value);
            // A literal that looks like a secret is already reported by the file scan; say it once.
            if (looksLike is not null && valueOperation.Unwrap() is ILiteralOperation) continue;
            string? message = SecretLiteralRules.IsSecretName(key) && value.Length > 0
                ? $"{key} is a secret; declare it as a SecretRef, not a value in configuration"
                : looksLike is not null ? $"the value of {key} looks like {looksLike}; keep secrets out of configuration" : null;
            if (message is null) continue;
            report(Diagnostic.Create(Rule, valueOperation.Syntax.GetLocation(), $"Settings.Extra[{key}]", message));
        }
    }

    private bool DeclaresTopology(SyntaxNode root, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var node in root.DescendantNodes())
        {
            if (node is BaseObjectCreationExpressionSyntax or WithExpressionSyntax or InvocationExpressionSyntax
                && types.ModelNameOf(model.GetTypeInfo(node, cancellationToken).Type) is not null) return true;
        }

        return false;
    }

    /// <summary>
    /// When the literal is the key argument of a SecretRef stored as an environment's encryption or JWT key, the
    /// setting's name is known: the fix puts the name where the value was pasted.
    /// </summary>
    private string? KeyNameFor(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (node is not LiteralExpressionSyntax literal) return null;
        if (model.GetOperation(literal, cancellationToken)?.ValueParent() is not IArgumentOperation { Parameter: { } parameter } argument
            || !KeyParameters.Contains(parameter.Name) || argument.Parent is not IOperation secretCall
            || types.ModelNameOf(secretCall.Type) != ModelNames.SecretRef) return null;
        var parent = secretCall.ValueParent();
        if (parent is ICollectionExpressionOperation or IArrayInitializerOperation) parent = parent.ValueParent();
        if (parent is IArrayCreationOperation) parent = parent.ValueParent();
        if (parent is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target }
            || types.ModelNameOf(target.Property.ContainingType) != ModelNames.EnvironmentSecrets) return null;
        return target.Property.Name switch
        {
            ModelNames.EncryptionKey or ModelNames.EncryptionKeyMirrors => "global::Fixxit.EnvConfig.EnvironmentSecrets.EncryptionKeyName",
            ModelNames.WebuiSecretKey => "global::Fixxit.EnvConfig.EnvironmentSecrets.WebuiSecretKeyName",
            _ => null,
        };
    }
}
