using System.Text;

namespace Fixxit.FileFormats.DotEnv;

/// <summary>Decodes values as python-dotenv does (Open WebUI loads <c>backend/.env</c> with it) and encodes them back.</summary>
internal static class DotEnvValueCodec
{
    public static string Decode(string inner, DotEnvQuoteStyle quote) => quote switch
    {
        DotEnvQuoteStyle.Single => DecodeEscapes(inner, static c => c is '\\' or '\''),
        DotEnvQuoteStyle.Double => DecodeEscapes(inner, static c => c is '\\' or '\'' or '"' or 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v'),
        _ => inner,
    };

    /// <summary>
    /// The value written in <paramref name="preferred"/> style when that style can hold it exactly, else in the
    /// simplest style that can. Single quotes are chosen over double when quoting is needed because they mean the same
    /// to python-dotenv and to a shell that sources the file (no <c>${…}</c> expansion).
    /// </summary>
    public static string Encode(string value, DotEnvQuoteStyle? preferred)
    {
        if (preferred == DotEnvQuoteStyle.None && IsSafeUnquoted(value)) return value;
        if (preferred == DotEnvQuoteStyle.Single && FitsSingle(value)) return $"'{value}'";
        if (preferred == DotEnvQuoteStyle.Double && FitsDouble(value)) return EncodeDouble(value);
        if (IsSafeUnquoted(value)) return value;
        if (FitsSingle(value)) return $"'{value}'";
        if (FitsDouble(value)) return EncodeDouble(value);
        throw new ArgumentException(
            "the value needs quotes but neither kind can hold it exactly for python-dotenv (it has '${' or ends with a backslash, and also a quote, backslash or line break)",
            nameof(value));
    }

    private static bool IsSafeUnquoted(string value)
    {
        foreach (var c in value)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ',' or '/' or ':' or '@' or '+' or '=' or '%' or '^';
            if (!ok) return false;
        }

        return true;
    }

    private static bool FitsSingle(string value) => value.IndexOfAny(['\'', '\\', '\n', '\r']) < 0;

    /// <summary>
    /// python-dotenv finds the closing quote before decoding, so "…\\" (a value ending in a backslash) could be taken
    /// for an escaped quote; such values are not written in double quotes.
    /// </summary>
    private static bool FitsDouble(string value) => !value.Contains("${", StringComparison.Ordinal) && !value.EndsWith('\\');

    private static string EncodeDouble(string value)
    {
        var sb = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\n' => @"\n",
                '\r' => @"\r",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static string DecodeEscapes(string inner, Func<char, bool> isEscapable)
    {
        if (!inner.Contains('\\', StringComparison.Ordinal)) return inner;
        var sb = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && isEscapable(inner[i + 1]))
            {
                sb.Append(inner[i + 1] switch
                {
                    'a' => '\a',
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'v' => '\v',
                    var other => other,
                });
                i++;
            }
            else
            {
                sb.Append(inner[i]);
            }
        }

        return sb.ToString();
    }
}
