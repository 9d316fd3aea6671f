using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fixxit.EnvConfig.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Fixxit.Analyzers.CodeFixes;

/// <summary>
/// Applies the edit the analyzer computed and put in the diagnostic's properties (see <see cref="FixProperties"/>):
/// FIX001 next free port on the host, FIX003 the environment's own https URL, FIX004 the setting's name where a value
/// was pasted, FIX005 the environment's backend port. A diagnostic without properties gets no fix: the analyzer only
/// adds them when the edit would change something.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TopologyCodeFixProvider)), Shared]
public sealed class TopologyCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.PortCollision, RuleIds.DevUrlInProduction, RuleIds.SecretLiteral, RuleIds.ProxyUpstreamMismatch);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue(FixProperties.Mode, out var mode) || !properties.TryGetValue(FixProperties.Replacement, out var replacement) || replacement is null) continue;
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var title = Title(diagnostic.Id, replacement, properties.TryGetValue(FixProperties.Member, out var m) ? m : null);
            if (mode == FixProperties.ReplaceValue && node is ExpressionSyntax or ArgumentSyntax)
            {
                var target = node is ArgumentSyntax argument ? argument.Expression : (ExpressionSyntax)node;
                context.RegisterCodeFix(CodeAction.Create(title, ct => Replace(context.Document, target, replacement, ct), diagnostic.Id), diagnostic);
            }
            else if (mode == FixProperties.AddMember && properties.TryGetValue(FixProperties.Member, out var member) && member is not null
                && node.AncestorsAndSelf().OfType<WithExpressionSyntax>().FirstOrDefault() is { } with)
            {
                context.RegisterCodeFix(CodeAction.Create(title, ct => AddMember(context.Document, with, member, replacement, ct), diagnostic.Id + "." + member), diagnostic);
            }
        }
    }

    private static string Title(string id, string replacement, string? member) => id switch
    {
        RuleIds.PortCollision => member is null ? $"Use the next free port, {replacement}" : $"Set {member} = {replacement} (the next free port)",
        RuleIds.DevUrlInProduction => $"Use the environment's own URL, {replacement}",
        RuleIds.SecretLiteral => "Put the setting's name where the value was pasted",
        RuleIds.ProxyUpstreamMismatch => $"Proxy to the environment's backend port, {replacement}",
        _ => "Fix " + id,
    };

    private static async Task<Document> Replace(Document document, ExpressionSyntax target, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var expression = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(target).WithAdditionalAnnotations(Simplifier.Annotation);
        var updated = document.WithSyntaxRoot(root.ReplaceNode(target, expression));
        return await Simplifier.ReduceAsync(updated, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> AddMember(Document document, WithExpressionSyntax with, string member, string value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var assignment = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), SyntaxFactory.ParseExpression(value));
        var initializer = with.Initializer;
        var expressions = initializer.Expressions;
        InitializerExpressionSyntax updated;
        if (expressions.Count == 0)
        {
            updated = initializer.WithExpressions(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment.NormalizeWhitespace()));
        }
        else
        {
            // Lay the new member out like the last one: same indentation, same separator (and so the same line breaks).
            var nodes = expressions.ToList();
            var separators = expressions.GetSeparators().ToList();
            var last = nodes[nodes.Count - 1];
            var separator = separators.Count > 0 ? separators[separators.Count - 1] : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            var added = assignment.NormalizeWhitespace().WithLeadingTrivia(last.GetLeadingTrivia());
            if (separators.Count < nodes.Count)
            {
                // No trailing comma: the last member's line ending moves after the new member.
                added = added.WithTrailingTrivia(last.GetTrailingTrivia());
                nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
            }

            nodes.Add(added);
            separators.Add(separator);
            updated = initializer.WithExpressions(SyntaxFactory.SeparatedList(nodes, separators));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(initializer, updated));
    }
}
