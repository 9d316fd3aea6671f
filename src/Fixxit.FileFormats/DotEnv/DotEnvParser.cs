namespace Fixxit.FileFormats.DotEnv;

/// <summary>
/// Reads <c>.env</c> text into entries with exact positions. Grammar as python-dotenv reads it: blank lines,
/// <c>#</c> comments, <c>[export ]KEY[ ]=[ ]value</c> with the value unquoted, '…' or "…" (quoted values may span
/// lines), then optional blanks and <c># comment</c>. Anything else is an error naming the line.
/// </summary>
internal sealed partial class DotEnvParser
{
    private readonly string _text;
    private readonly string _fileName;
    private int _pos;
    private int _line = 1;

    private DotEnvParser(string text, string fileName)
    {
        _text = text;
        _fileName = fileName;
    }

    public static List<DotEnvEntry> Parse(string text, string fileName)
    {
        var parser = new DotEnvParser(text, fileName);
        if (text.StartsWith('\uFEFF')) parser._pos = 1;
        return parser.ParseAll();
    }

    /// <summary>A key python-dotenv and a shell would both accept.</summary>
    public static bool IsValidKey(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private List<DotEnvEntry> ParseAll()
    {
        var entries = new List<DotEnvEntry>();
        while (_pos < _text.Length)
        {
            var lineStart = _pos;
            SkipBlanks();
            if (AtLineEnd()) { ConsumeLineEnd(); continue; }
            if (_text[_pos] == '#') { SkipToLineEnd(); ConsumeLineEnd(); continue; }
            entries.Add(ParseEntry(lineStart));
        }

        return entries;
    }

    private DotEnvEntry ParseEntry(int lineStart)
    {
        var firstLine = _line;
        var exported = false;
        if (_text.AsSpan(_pos).StartsWith("export") && _pos + 6 < _text.Length && _text[_pos + 6] is ' ' or '\t')
        {
            exported = true;
            _pos += 6;
            SkipBlanks();
        }

        var keyStart = _pos;
        while (_pos < _text.Length && _text[_pos] is not ('=' or ' ' or '\t' or '\r' or '\n' or '#')) _pos++;
        var key = _text[keyStart.._pos];
        if (!IsValidKey(key))
            throw Error(firstLine, key.Length == 0 ? "expected KEY=value, found no key" : "expected KEY=value; the text before '=' is not a valid key name");
        SkipBlanks();
        if (_pos >= _text.Length || _text[_pos] != '=')
            throw Error(firstLine, "expected KEY=value, but the line has no '=' (a bare word may be a pasted secret, so it is not repeated here)");
        _pos++;
        SkipBlanks();

        var valueStart = _pos;
        DotEnvQuoteStyle quote;
        string inner;
        if (_pos < _text.Length && _text[_pos] is '\'' or '"')
        {
            var q = _text[_pos];
            quote = q == '"' ? DotEnvQuoteStyle.Double : DotEnvQuoteStyle.Single;
            // python-dotenv's own patterns, so the closing quote is found exactly where it finds it (only \" or \' is
            // special while scanning; \\ is decoded afterwards).
            var match = (q == '"' ? DoubleQuoted() : SingleQuoted()).Match(_text, _pos);
            if (!match.Success) throw Error(firstLine, $"the {(q == '"' ? "double" : "single")} quote opened after {key}= is never closed");
            inner = match.Groups[1].Value;
            _line += CountLineBreaks(match.ValueSpan);
            _pos += match.Length;
        }
        else
        {
            quote = DotEnvQuoteStyle.None;
            var restStart = _pos;
            SkipToLineEnd();
            var rest = _text.AsSpan(restStart, _pos - restStart);
            var valueLength = UnquotedLength(rest);
            _pos = restStart + valueLength;
            inner = _text.Substring(restStart, valueLength);
        }

        var valueEnd = _pos;
        SkipBlanks();
        string? comment = null;
        if (_pos < _text.Length && _text[_pos] == '#')
        {
            var commentStart = _pos + 1;
            SkipToLineEnd();
            comment = _text[commentStart.._pos];
        }

        if (!AtLineEnd()) throw Error(_line, $"unexpected text after the closing quote of {key}'s value");
        var lastLine = _line;
        ConsumeLineEnd();
        return new DotEnvEntry
        {
            Key = key,
            Value = DotEnvValueCodec.Decode(inner, quote),
            Quote = quote,
            IsExported = exported,
            InlineComment = comment,
            LineNumber = firstLine,
            EndLineNumber = lastLine,
            LineStart = lineStart,
            LineEnd = _pos,
            ValueStart = valueStart,
            ValueLength = valueEnd - valueStart,
        };
    }

    /// <summary>python-dotenv: an unquoted value ends at the first blank followed by '#', and loses trailing blanks.</summary>
    private static int UnquotedLength(ReadOnlySpan<char> rest)
    {
        var end = rest.Length;
        for (var i = 1; i < rest.Length; i++)
        {
            if (rest[i] == '#' && rest[i - 1] is ' ' or '\t')
            {
                end = i;
                break;
            }
        }

        while (end > 0 && rest[end - 1] is ' ' or '\t') end--;
        return end;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\G'((?:\\'|[^'])*)'")]
    private static partial System.Text.RegularExpressions.Regex SingleQuoted();

    [System.Text.RegularExpressions.GeneratedRegex(@"\G""((?:\\""|[^""])*)""")]
    private static partial System.Text.RegularExpressions.Regex DoubleQuoted();

    private static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) count++;
        }

        return count;
    }

    private void SkipBlanks()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t') _pos++;
    }

    private void SkipToLineEnd()
    {
        while (_pos < _text.Length && _text[_pos] is not ('\r' or '\n')) _pos++;
    }

    private bool AtLineEnd() => _pos >= _text.Length || _text[_pos] is '\r' or '\n';

    private void ConsumeLineEnd()
    {
        if (_pos >= _text.Length) return;
        if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n') _pos += 2;
        else _pos++;
        _line++;
    }

    private DotEnvFormatException Error(int line, string reason) => new(_fileName, line, reason);
}
