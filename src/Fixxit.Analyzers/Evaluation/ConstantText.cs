using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fixxit.Analyzers.Evaluation;

/// <summary>
/// Compile-time values the C# compiler folds (literals, <c>const</c>, <c>8000 + 81</c>) plus what it does not fold
/// but is still fixed: interpolated strings and string concatenation whose parts are all constants.
/// </summary>
internal static class ConstantText
{
    public static bool TryGetValue(IOperation operation, out object? value)
    {
        operation = operation.Unwrap();
        if (operation.ConstantValue.HasValue)
        {
            value = operation.ConstantValue.Value;
            return true;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                return TryInterpolate(interpolated, out value);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concat
                when !IsEnum(concat.LeftOperand) && !IsEnum(concat.RightOperand)
                && TryGetValue(concat.LeftOperand, out var left) && TryGetValue(concat.RightOperand, out var right):
                value = Format(left, null) + Format(right, null);
                return true;
            default:
                value = null;
                return false;
        }
    }

    private static bool IsEnum(IOperation operand) => operand.Unwrap().Type?.TypeKind == TypeKind.Enum;

    private static bool TryInterpolate(IInterpolatedStringOperation interpolated, out object? value)
    {
        var text = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation literal when literal.Text.ConstantValue.Value is string s:
                    text.Append(s);
                    break;
                case IInterpolationOperation { Alignment: null } hole when TryGetValue(hole.Expression, out var inner):
                    var format = hole.FormatString?.ConstantValue.Value as string;
                    // An enum hole would print its name at run time; only plain values are reproduced here.
                    if (IsEnum(hole.Expression))
                    {
                        value = null;
                        return false;
                    }

                    text.Append(Format(inner, format));
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        value = text.ToString();
        return true;
    }

    // Interpolation at run time uses the current culture; ports and names are culture-invariant in practice.
    private static string Format(object? value, string? format) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
