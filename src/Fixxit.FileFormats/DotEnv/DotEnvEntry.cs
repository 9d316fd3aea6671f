using Fixxit.EnvConfig.Rules;

namespace Fixxit.FileFormats.DotEnv;

/// <summary>
/// One <c>KEY=value</c> assignment as written: its decoded value, quoting, <c>export</c> prefix, inline comment and
/// where it sits in the text (so a rewrite can replace exactly the value and nothing else).
/// </summary>
public sealed record DotEnvEntry
{
    public required string Key { get; init; }

    /// <summary>The value as python-dotenv reads it, escapes decoded; <c>${VAR}</c> references are not expanded.</summary>
    public required string Value { get; init; }

    public required DotEnvQuoteStyle Quote { get; init; }

    /// <summary>True for <c>export KEY=value</c>.</summary>
    public required bool IsExported { get; init; }

    /// <summary>The comment after the value (without <c>#</c>), or null.</summary>
    public string? InlineComment { get; init; }

    /// <summary>1-based line of the key.</summary>
    public required int LineNumber { get; init; }

    /// <summary>1-based last line: greater than <see cref="LineNumber"/> only for a quoted value spanning lines.</summary>
    public required int EndLineNumber { get; init; }

    /// <summary>True when the key's name marks it as a secret (see <see cref="SecretLiteralRules.IsSecretName"/>).</summary>
    public bool IsSecret => SecretLiteralRules.IsSecretName(Key);

    internal int LineStart { get; init; }

    /// <summary>End of the entry's last line, including its line ending.</summary>
    internal int LineEnd { get; init; }

    /// <summary>Start of the value as written, quotes included.</summary>
    internal int ValueStart { get; init; }

    internal int ValueLength { get; init; }

    /// <summary>Never shows a secret's value.</summary>
    public override string ToString() => $"{Key}={(IsSecret ? "***" : Value)} (line {LineNumber})";
}
