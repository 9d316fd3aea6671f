using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Model;

/// <summary>An environment-valued operation found while the compilation is analysed, with the type that declares it.</summary>
internal readonly struct CollectedSite
{
    public CollectedSite(IOperation operation, INamedTypeSymbol? containingType)
    {
        Operation = operation;
        ContainingType = containingType;
    }

    public IOperation Operation { get; }

    public INamedTypeSymbol? ContainingType { get; }
}
