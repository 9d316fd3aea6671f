using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fixxit.Analyzers.Evaluation;

internal static class OperationExtensions
{
    /// <summary>Strips what does not change a value: implicit and built-in conversions, parentheses.</summary>
    public static IOperation Unwrap(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { OperatorMethod: null } conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The parent, skipping conversions and parentheses.</summary>
    public static IOperation? ValueParent(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation { OperatorMethod: null } or IParenthesizedOperation) parent = parent.Parent;
        return parent;
    }
}
