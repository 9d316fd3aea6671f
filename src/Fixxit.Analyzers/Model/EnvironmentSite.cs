using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Fixxit.Analyzers.Model;

/// <summary>One <c>new AppEnvironment { … }</c> or <c>env with { … }</c> in source, and its evaluated facts.</summary>
internal sealed class EnvironmentSite
{
    public EnvironmentSite(SyntaxNode syntax, ObjectFacts facts, INamedTypeSymbol? containingType)
    {
        Syntax = syntax;
        Facts = facts;
        ContainingType = containingType;
        Head = HeadOf(syntax);
    }

    public SyntaxNode Syntax { get; }

    public ObjectFacts Facts { get; }

    public INamedTypeSymbol? ContainingType { get; }

    /// <summary><c>Dev with</c> or <c>new AppEnvironment</c>: where an inherited or defaulted value is reported.</summary>
    public Location Head { get; }

    public string DisplayName => Facts.Get(ModelNames.Name).TryGetString(out var name) ? name : "environment";

    /// <summary>True when the value was written inside this declaration (not inherited from another one).</summary>
    public bool Declares(Fact fact) =>
        fact.Location is { } location && location.SourceTree == Syntax.SyntaxTree && Syntax.Span.Contains(location.SourceSpan)
        && location.SourceSpan != Syntax.Span;

    /// <summary>Where to report a problem with <paramref name="fact"/> for this environment.</summary>
    public Location LocationOf(Fact fact) => Declares(fact) ? fact.Location! : Head;

    private static Location HeadOf(SyntaxNode syntax)
    {
        var span = syntax switch
        {
            WithExpressionSyntax with => TextSpan.FromBounds(with.SpanStart, with.WithKeyword.Span.End),
            ObjectCreationExpressionSyntax creation => TextSpan.FromBounds(creation.SpanStart, creation.Type.Span.End),
            ImplicitObjectCreationExpressionSyntax implicitCreation => TextSpan.FromBounds(implicitCreation.SpanStart, implicitCreation.ArgumentList.Span.End),
            _ => syntax.Span,
        };
        return Location.Create(syntax.SyntaxTree, span);
    }
}
