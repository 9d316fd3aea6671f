namespace Fixxit.FileFormats.ShellScript;

internal enum ShellTokenKind
{
    Word,
    Operator,
    NewLine,
}

/// <summary>A word or operator with its exact span in the script text.</summary>
internal readonly record struct ShellToken(ShellTokenKind Kind, string Text, int Start, int End);

/// <summary>
/// Splits bash text into words and operators the way bash does for the parts that matter to finding assignments:
/// quotes, <c>$(…)</c>, <c>${…}</c>, backquotes, comments, line continuations and here-documents (whose bodies are
/// skipped, so text in them is never taken for an assignment). It does not expand anything.
/// </summary>
internal sealed class ShellLexer
{
    private static readonly string[] Operators =
        [";;&", ";;", ";&", "&&", "||", "|&", "&>>", "&>", "<<<", "<<-", "<<", "<&", ">&", ">>", ">|", "<>", ";", "&", "|", "(", ")", "<", ">"];

    private readonly string _text;
    private readonly ShellLines _lines;
    private readonly List<(string Delimiter, bool StripTabs)> _pendingHeredocs = [];
    private int _pos;

    private ShellLexer(string text, ShellLines lines)
    {
        _text = text;
        _lines = lines;
        if (text.StartsWith('\uFEFF')) _pos = 1;
    }

    public static List<ShellToken> Tokenize(string text, ShellLines lines) => new ShellLexer(text, lines).Run();

    private List<ShellToken> Run()
    {
        var tokens = new List<ShellToken>();
        var heredocDelimiterNext = (Expected: false, StripTabs: false);
        while (true)
        {
            SkipBlanksAndComments();
            if (_pos >= _text.Length) return tokens;
            var c = _text[_pos];
            if (c == '\n')
            {
                tokens.Add(new ShellToken(ShellTokenKind.NewLine, "\n", _pos, _pos + 1));
                _pos++;
                SkipHeredocBodies();
                continue;
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(_text, _pos, o, 0, o.Length) == 0);
            if (op is not null)
            {
                tokens.Add(new ShellToken(ShellTokenKind.Operator, op, _pos, _pos + op.Length));
                _pos += op.Length;
                if (op is "<<" or "<<-") heredocDelimiterNext = (true, op == "<<-");
                continue;
            }

            var start = _pos;
            ScanWord();
            var word = _text[start.._pos];
            tokens.Add(new ShellToken(ShellTokenKind.Word, word, start, _pos));
            if (heredocDelimiterNext.Expected)
            {
                _pendingHeredocs.Add((Unquote(word), heredocDelimiterNext.StripTabs));
                heredocDelimiterNext = (false, false);
            }
        }
    }

    private void SkipBlanksAndComments()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t' or '\r') _pos++;
            else if (c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n') _pos += 2;
            else if (c == '\\' && _pos + 2 < _text.Length && _text[_pos + 1] == '\r' && _text[_pos + 2] == '\n') _pos += 3;
            else if (c == '#') SkipToNewLine();
            else return;
        }
    }

    private void SkipToNewLine()
    {
        while (_pos < _text.Length && _text[_pos] != '\n') _pos++;
    }

    /// <summary>After a newline: the bodies of here-documents opened on the line just ended.</summary>
    private void SkipHeredocBodies()
    {
        foreach (var (delimiter, stripTabs) in _pendingHeredocs)
        {
            while (_pos < _text.Length)
            {
                var lineEnd = _text.IndexOf('\n', _pos);
                var end = lineEnd < 0 ? _text.Length : lineEnd;
                var line = _text[_pos..end].TrimEnd('\r');
                if (stripTabs) line = line.TrimStart('\t');
                _pos = lineEnd < 0 ? _text.Length : lineEnd + 1;
                if (line == delimiter) break; // bash also accepts end of file as the end (with a warning)
            }
        }

        _pendingHeredocs.Clear();
    }

    private void ScanWord()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>') return;
            switch (c)
            {
                case '\\':
                    _pos = Math.Min(_pos + 2, _text.Length);
                    break;
                case '\'':
                    _pos = ScanSingleQuoted(_pos);
                    break;
                case '"':
                    _pos = ScanDoubleQuoted(_pos);
                    break;
                case '`':
                    _pos = ScanBackquoted(_pos);
                    break;
                case '$':
                    _pos = ScanDollar(_pos);
                    break;
                default:
                    _pos++;
                    break;
            }
        }
    }

    /// <summary>Position after a <c>$</c> construct starting at <paramref name="at"/>.</summary>
    private int ScanDollar(int at)
    {
        if (at + 1 >= _text.Length) return at + 1;
        return _text[at + 1] switch
        {
            '(' => ScanParenthesized(at + 2, at),
            '{' => ScanBraced(at + 2, at),
            '\'' => ScanAnsiC(at + 1),
            _ => at + 1,
        };
    }

    private int ScanSingleQuoted(int open)
    {
        var close = _text.IndexOf('\'', open + 1);
        if (close < 0) throw Error(open, "a single quote is never closed");
        return close + 1;
    }

    /// <summary>$'…': backslash escapes, including \'.</summary>
    private int ScanAnsiC(int open)
    {
        for (var p = open + 1; p < _text.Length; p++)
        {
            if (_text[p] == '\\') p++;
            else if (_text[p] == '\'') return p + 1;
        }

        throw Error(open, "a $'…' quote is never closed");
    }

    private int ScanDoubleQuoted(int open)
    {
        var p = open + 1;
        while (p < _text.Length)
        {
            switch (_text[p])
            {
                case '\\': p += 2; break;
                case '"': return p + 1;
                case '`': p = ScanBackquoted(p); break;
                case '$': p = ScanDollar(p); break;
                default: p++; break;
            }
        }

        throw Error(open, "a double quote is never closed");
    }

    private int ScanBackquoted(int open)
    {
        for (var p = open + 1; p < _text.Length; p++)
        {
            if (_text[p] == '\\') p++;
            else if (_text[p] == '`') return p + 1;
        }

        throw Error(open, "a backquote is never closed");
    }

    /// <summary>$( … ) and $(( … )): balanced parentheses, quotes respected.</summary>
    private int ScanParenthesized(int p, int open)
    {
        var depth = 1;
        while (p < _text.Length)
        {
            var c = _text[p];
            switch (c)
            {
                case '\\': p += 2; continue;
                case '\'': p = ScanSingleQuoted(p); continue;
                case '"': p = ScanDoubleQuoted(p); continue;
                case '`': p = ScanBackquoted(p); continue;
                case '(': depth++; break;
                case ')':
                    if (--depth == 0) return p + 1;
                    break;
                case '#' when p > 0 && _text[p - 1] is ' ' or '\t' or '\n':
                    while (p < _text.Length && _text[p] != '\n') p++;
                    continue;
            }

            p++;
        }

        throw Error(open, "a $( is never closed");
    }

    private int ScanBraced(int p, int open)
    {
        var depth = 1;
        while (p < _text.Length)
        {
            switch (_text[p])
            {
                case '\\': p += 2; continue;
                case '\'': p = ScanSingleQuoted(p); continue;
                case '"': p = ScanDoubleQuoted(p); continue;
                case '`': p = ScanBackquoted(p); continue;
                case '$' when p + 1 < _text.Length && _text[p + 1] == '(':
                    p = ScanParenthesized(p + 2, p);
                    continue;
                case '$' when p + 1 < _text.Length && _text[p + 1] == '{':
                    depth++;
                    p += 2;
                    continue;
                case '}':
                    if (--depth == 0) return p + 1;
                    break;
            }

            p++;
        }

        throw Error(open, "a ${ is never closed");
    }

    private static string Unquote(string word) => word.Replace("'", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal).Replace("\\", string.Empty, StringComparison.Ordinal);

    private ShellScriptFormatException Error(int offset, string reason) => new(_lines.FileName, _lines.LineOf(offset), reason);
}
