using System.Collections.Generic;
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
/// adds them when the edit would change something. Fix All applies every edit of a document in one pass (two
/// inherited ports of one environment both land in its <c>with</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TopologyCodeFixProvider)), Shared]
public sealed class TopologyCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.PortCollision, RuleIds.DevUrlInProduction, RuleIds.SecretLiteral, RuleIds.ProxyUpstreamMismatch);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => ApplyAsync(document, diagnostics, context.CancellationToken));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Edit.From(root, diagnostic) is not { } edit) continue;
            context.RegisterCodeFix(
                CodeAction.Create(edit.Title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct)!, diagnostic.Id + edit.Member),
                diagnostic);
        }
    }

    private static async Task<Document?> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var edits = diagnostics.Select(d => Edit.From(root, d)).OfType<Edit>().ToList();
        var replacements = edits.Where(e => e.Member.Length == 0).GroupBy(e => e.Target).ToDictionary(g => g.Key, g => g.First().Value);
        var additions = edits.Where(e => e.Member.Length > 0).GroupBy(e => e.Target).ToDictionary(
            g => g.Key, g => g.GroupBy(e => e.Member).Select(m => m.First()).ToList());
        var targets = replacements.Keys.Concat(additions.Keys).Distinct();
        var updated = root.ReplaceNodes(targets, (original, rewritten) =>
        {
            if (replacements.TryGetValue(original, out var value))
                return SyntaxFactory.ParseExpression(value).WithTriviaFrom(original).WithAdditionalAnnotations(Simplifier.Annotation);
            var with = (WithExpressionSyntax)rewritten;
            return with.WithInitializer(AddMembers(with.Initializer, additions[original]));
        });
        return await Simplifier.ReduceAsync(document.WithSyntaxRoot(updated), Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds <c>Member = value</c> lines laid out like the last member: same indentation, same separators.</summary>
    private static InitializerExpressionSyntax AddMembers(InitializerExpressionSyntax initializer, List<Edit> members)
    {
        var nodes = initializer.Expressions.ToList();
        var separators = initializer.Expressions.GetSeparators().ToList();
        foreach (var member in members)
        {
            var assignment = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member.Member), SyntaxFactory.ParseExpression(member.Value)).NormalizeWhitespace();
            if (nodes.Count == 0)
            {
                nodes.Add(assignment.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space));
                continue;
            }

            var last = nodes[nodes.Count - 1];
            var separator = separators.Count > 0 ? separators[separators.Count - 1] : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            var added = assignment.WithLeadingTrivia(last.GetLeadingTrivia());
            if (separators.Count < nodes.Count)
            {
                // No trailing comma: the last member's line ending moves after the new member.
                added = added.WithTrailingTrivia(last.GetTrailingTrivia());
                nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
            }

            nodes.Add(added);
            separators.Add(separator);
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList(nodes, separators));
    }

    /// <summary>One diagnostic's edit: replace <see cref="Target"/> with <see cref="Value"/>, or add <see cref="Member"/> to the <c>with</c>.</summary>
    private sealed class Edit
    {
        private Edit(SyntaxNode target, string member, string value, string title)
        {
            Target = target;
            Member = member;
            Value = value;
            Title = title;
        }

        public SyntaxNode Target { get; }

        /// <summary>Empty for a replacement.</summary>
        public string Member { get; }

        public string Value { get; }

        public string Title { get; }

        public static Edit? From(SyntaxNode root, Diagnostic diagnostic)
        {
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue(FixProperties.Mode, out var mode) || !properties.TryGetValue(FixProperties.Replacement, out var value) || value is null) return null;
            if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan)) return null;
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (mode == FixProperties.ReplaceValue)
            {
                var target = node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
                return target is null ? null : new Edit(target, string.Empty, value, TitleFor(diagnostic.Id, value, null));
            }

            if (mode == FixProperties.AddMember && properties.TryGetValue(FixProperties.Member, out var member) && member is { Length: > 0 }
                && node.AncestorsAndSelf().OfType<WithExpressionSyntax>().FirstOrDefault() is { } with)
                return new Edit(with, member, value, TitleFor(diagnostic.Id, value, member));
            return null;
        }

        private static string TitleFor(string id, string value, string? member) => id switch
        {
            RuleIds.PortCollision => member is null ? $"Use the next free port, {value}" : $"Set {member} = {value} (the next free port)",
            RuleIds.DevUrlInProduction => $"Use the environment's own URL, {value}",
            RuleIds.SecretLiteral => "Put the setting's name where the value was pasted",
            RuleIds.ProxyUpstreamMismatch => $"Proxy to the environment's backend port, {value}",
            _ => "Fix " + id,
        };
    }
}
