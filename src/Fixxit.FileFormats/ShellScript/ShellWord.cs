using System.Text;

namespace Fixxit.FileFormats.ShellScript;

/// <summary>Reads a shell word's literal value, or says it is computed at run time.</summary>
internal static class ShellWord
{
    /// <summary>The word with quotes and escapes removed; null when it expands anything (<c>$</c>, backquotes).</summary>
    public static string? Literal(string word)
    {
        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            switch (c)
            {
                case '\'':
                    var close = word.IndexOf('\'', i + 1);
                    if (close < 0) return null;
                    sb.Append(word, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    for (i++; i < word.Length && word[i] != '"'; i++)
                    {
                        if (word[i] is '$' or '`') return null;
                        if (word[i] == '\\' && i + 1 < word.Length && word[i + 1] is '$' or '`' or '"' or '\\' or '\n')
                        {
                            i++;
                            if (word[i] != '\n') sb.Append(word[i]);
                        }
                        else
                        {
                            sb.Append(word[i]);
                        }
                    }

                    break;
                case '\\':
                    if (i + 1 < word.Length && word[i + 1] != '\n') sb.Append(word[i + 1]);
                    i++;
                    break;
                case '$' or '`':
                    return null;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
