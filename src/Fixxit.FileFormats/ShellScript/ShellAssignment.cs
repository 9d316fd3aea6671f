using Fixxit.EnvConfig.Rules;

namespace Fixxit.FileFormats.ShellScript;

/// <summary>One variable assignment found in a script, with where it is and how it is written.</summary>
public sealed record ShellAssignment
{
    public required string Name { get; init; }

    /// <summary>The value when it is a literal (quotes removed); null when computed (<c>$(…)</c>, <c>$VAR</c>, arrays).</summary>
    public required string? Value { get; init; }

    /// <summary>The value exactly as written (quotes and expansions included). May be a secret: never print it.</summary>
    public required string RawValue { get; init; }

    public required ShellAssignmentKind Kind { get; init; }

    public required ShellScope Scope { get; init; }

    /// <summary>1-based line of the name.</summary>
    public required int LineNumber { get; init; }

    /// <summary>1-based last line of the value (greater for a quoted value spanning lines).</summary>
    public required int EndLineNumber { get; init; }

    public bool IsExported => Kind == ShellAssignmentKind.Export;

    public bool IsSecret => SecretLiteralRules.IsSecretName(Name);

    internal int WordStart { get; init; }

    internal int ValueStart { get; init; }

    internal int ValueEnd { get; init; }

    internal int StatementIndex { get; init; }

    /// <summary>Never shows a secret's value.</summary>
    public override string ToString() =>
        $"{Name}={(IsSecret ? "***" : RawValue)} (line {LineNumber}, {Kind}, {Scope})";
}
