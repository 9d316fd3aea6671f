using System.Text.RegularExpressions;

namespace Fixxit.FileFormats.ShellScript;

/// <summary>
/// Follows a bash script's structure (functions, if/case/loops, groups, subshells, simple commands) far enough to
/// find every variable assignment with its scope and kind, and every <c>source</c>d file. Unbalanced structure is an
/// error naming the line where the unclosed construct began.
/// </summary>
internal sealed partial class ShellParser
{
    private readonly string _text;
    private readonly ShellLines _lines;
    private readonly List<ShellToken> _tokens;
    private readonly List<Frame> _stack = [];
    private readonly List<ShellAssignment> _assignments = [];
    private readonly List<ShellSourcedFile> _sourced = [];
    private readonly List<ShellStatement> _statements = [];

    // The simple command being read.
    private readonly List<PendingAssignment> _pending = [];
    private int _statementStart = -1;
    private int _statementEnd = -1;
    private bool _atCommandStart = true;
    private bool _hasCommand;
    private ShellAssignmentKind? _declarationKind;
    private bool _nextWordIsSourcedFile;
    private bool _pendingFunction;
    private bool _caseAwaitingIn;
    private bool _caseExpectPattern;

    private ShellParser(string text, ShellLines lines)
    {
        _text = text;
        _lines = lines;
        _tokens = ShellLexer.Tokenize(text, lines);
    }

    public static (List<ShellAssignment> Assignments, List<ShellSourcedFile> Sourced, List<ShellStatement> Statements) Parse(string text, string fileName)
    {
        var parser = new ShellParser(text, new ShellLines(text, fileName));
        parser.Run();
        return (parser._assignments, parser._sourced, parser._statements);
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\+?=")]
    private static partial Regex AssignmentWord();

    private static readonly HashSet<string> Redirections = ["<", ">", ">>", ">|", "<>", "<&", ">&", "&>", "&>>", "<<", "<<-", "<<<"];
    private static readonly HashSet<string> Separators = [";", "&", "&&", "||", "|", "|&"];

    private void Run()
    {
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Kind == ShellTokenKind.NewLine)
            {
                EndStatement();
                continue;
            }

            if (token.Kind == ShellTokenKind.Operator)
            {
                i = OnOperator(i);
                continue;
            }

            i = OnWord(i);
        }

        EndStatement();
        if (_stack.Count > 0)
        {
            var open = _stack[^1];
            throw Error(open.Start, $"'{open.Opener}' is never closed");
        }
    }

    private int OnOperator(int i)
    {
        var token = _tokens[i];
        if (Redirections.Contains(token.Text))
        {
            Touch(token);
            // The redirection target is a file name, not a command or an assignment.
            if (i + 1 < _tokens.Count && _tokens[i + 1].Kind == ShellTokenKind.Word)
            {
                Touch(_tokens[i + 1]);
                return i + 1;
            }

            return i;
        }

        if (Separators.Contains(token.Text))
        {
            EndStatement();
            return i;
        }

        if (token.Text is ";;" or ";&" or ";;&")
        {
            EndStatement();
            if (Top?.Kind == FrameKind.Case) _caseExpectPattern = true;
            return i;
        }

        if (token.Text == "(")
        {
            if (_caseExpectPattern) return i; // optional '(' before a case pattern
            EndStatement();
            Push(FrameKind.Subshell, "(", token.Start);
            return i;
        }

        // ")"
        if (_caseExpectPattern)
        {
            _caseExpectPattern = false;
            StartNewStatement();
            return i;
        }

        EndStatement();
        Pop(FrameKind.Subshell, ")", token.Start);
        _atCommandStart = false;
        return i;
    }

    private int OnWord(int i)
    {
        var token = _tokens[i];
        var word = token.Text;

        if (_caseAwaitingIn && word == "in")
        {
            _caseAwaitingIn = false;
            _caseExpectPattern = true;
            return i;
        }

        if (_caseExpectPattern)
        {
            if (word == "esac")
            {
                _caseExpectPattern = false;
                Pop(FrameKind.Case, "esac", token.Start);
                _atCommandStart = false;
            }

            return i; // a pattern word
        }

        if (_nextWordIsSourcedFile)
        {
            _nextWordIsSourcedFile = false;
            _sourced.Add(new ShellSourcedFile(ShellWord.Literal(word) ?? word, _lines.LineOf(token.Start), CurrentScope));
        }

        if (!_atCommandStart)
        {
            Touch(token);
            if (_declarationKind is { } kind && AssignmentWord().Match(word) is { Success: true } m)
                return AddAssignment(i, m.Groups[1].Value, m.Length, kind);
            if (_declarationKind == ShellAssignmentKind.Declare && word.StartsWith('-') && word.Contains('x', StringComparison.Ordinal))
                _declarationKind = ShellAssignmentKind.Export; // declare -x / typeset -x
            return i;
        }

        switch (word)
        {
            case "if":
                Push(FrameKind.If, word, token.Start);
                return i;
            case "while" or "until":
                Push(FrameKind.Loop, word, token.Start);
                return i;
            case "for" or "select":
                Push(FrameKind.Loop, word, token.Start);
                _atCommandStart = false; // "for NAME in …" is not an assignment
                return i;
            case "case":
                Push(FrameKind.Case, word, token.Start);
                _caseAwaitingIn = true;
                _atCommandStart = false;
                return i;
            case "then" or "do" or "else" or "elif" or "!" or "time":
                StartNewStatement();
                return i;
            case "fi":
                Pop(FrameKind.If, word, token.Start);
                _atCommandStart = false;
                return i;
            case "done":
                Pop(FrameKind.Loop, word, token.Start);
                _atCommandStart = false;
                return i;
            case "esac":
                Pop(FrameKind.Case, word, token.Start);
                _atCommandStart = false;
                return i;
            case "{":
                Push(FrameKind.Group, "{", token.Start);
                return i;
            case "}":
                EndStatement();
                Pop(FrameKind.Group, "}", token.Start);
                _atCommandStart = false;
                return i;
            case "function":
                _pendingFunction = true;
                var next = i + 1;
                if (next < _tokens.Count && _tokens[next].Kind == ShellTokenKind.Word) next++;
                if (next + 1 < _tokens.Count && _tokens[next].Text == "(" && _tokens[next + 1].Text == ")") next += 2;
                StartNewStatement();
                return next - 1;
        }

        if (AssignmentWord().Match(word) is { Success: true } assignment)
        {
            Touch(token);
            return AddAssignment(i, assignment.Groups[1].Value, assignment.Length, kind: null);
        }

        // A command word. "name ()" makes it a function definition instead.
        if (i + 2 < _tokens.Count && _tokens[i + 1].Text == "(" && _tokens[i + 1].Kind == ShellTokenKind.Operator && _tokens[i + 2].Text == ")")
        {
            _pending.Clear();
            _pendingFunction = true;
            StartNewStatement();
            return i + 2;
        }

        Touch(token);
        _atCommandStart = false;
        _hasCommand = true;
        _declarationKind = word switch
        {
            "export" => ShellAssignmentKind.Export,
            "declare" or "typeset" => ShellAssignmentKind.Declare,
            "local" => ShellAssignmentKind.Local,
            "readonly" => ShellAssignmentKind.Readonly,
            _ => null,
        };
        if (word is "source" or ".") _nextWordIsSourcedFile = true;
        foreach (var p in _pending) p.IsPrefix = _declarationKind is null;
        return i;
    }

    /// <summary>Records NAME=value (value = rest of the word, or a following <c>( … )</c> array).</summary>
    private int AddAssignment(int i, string name, int prefixLength, ShellAssignmentKind? kind)
    {
        var token = _tokens[i];
        var valueStart = token.Start + prefixLength;
        var valueEnd = token.End;
        var last = i;
        var isArray = false;
        if (valueStart == token.End && i + 1 < _tokens.Count && _tokens[i + 1].Text == "(" && _tokens[i + 1].Start == token.End)
        {
            isArray = true;
            var depth = 0;
            for (last = i + 1; last < _tokens.Count; last++)
            {
                if (_tokens[last].Text == "(" && _tokens[last].Kind == ShellTokenKind.Operator) depth++;
                else if (_tokens[last].Text == ")" && _tokens[last].Kind == ShellTokenKind.Operator && --depth == 0) break;
            }

            if (last >= _tokens.Count) throw Error(token.Start, $"the array assigned to {name} is never closed");
            valueEnd = _tokens[last].End;
            Touch(_tokens[last]);
        }

        var raw = _text[valueStart..valueEnd];
        _pending.Add(new PendingAssignment
        {
            Name = name,
            Raw = raw,
            Value = isArray ? null : ShellWord.Literal(raw),
            Kind = kind,
            WordStart = token.Start,
            ValueStart = valueStart,
            ValueEnd = valueEnd,
        });
        return last;
    }

    private void EndStatement()
    {
        if (_pending.Count > 0)
        {
            var index = _statements.Count;
            _statements.Add(new ShellStatement(_statementStart, _statementEnd, _pending.Count, _hasCommand));
            foreach (var p in _pending)
            {
                _assignments.Add(new ShellAssignment
                {
                    Name = p.Name,
                    Value = p.Value,
                    RawValue = p.Raw,
                    Kind = p.Kind ?? (p.IsPrefix ? ShellAssignmentKind.CommandPrefix : ShellAssignmentKind.Plain),
                    Scope = CurrentScope,
                    LineNumber = _lines.LineOf(p.WordStart),
                    EndLineNumber = _lines.LineOf(Math.Max(p.ValueStart, p.ValueEnd - 1)),
                    WordStart = p.WordStart,
                    ValueStart = p.ValueStart,
                    ValueEnd = p.ValueEnd,
                    StatementIndex = index,
                });
            }
        }

        StartNewStatement();
    }

    private void StartNewStatement()
    {
        _pending.Clear();
        _statementStart = -1;
        _statementEnd = -1;
        _atCommandStart = true;
        _hasCommand = false;
        _declarationKind = null;
        _nextWordIsSourcedFile = false;
    }

    /// <summary>Extends the current statement's span over a token.</summary>
    private void Touch(ShellToken token)
    {
        if (_statementStart < 0) _statementStart = token.Start;
        _statementEnd = token.End;
    }

    private ShellScope CurrentScope =>
        _stack.Exists(f => f.IsFunction) ? ShellScope.Function : _stack.Count > 0 ? ShellScope.Block : ShellScope.TopLevel;

    private Frame? Top => _stack.Count > 0 ? _stack[^1] : null;

    private void Push(FrameKind kind, string opener, int start)
    {
        _pending.Clear();
        _stack.Add(new Frame(kind, opener, start, _pendingFunction && kind is FrameKind.Group or FrameKind.Subshell));
        if (kind is FrameKind.Group or FrameKind.Subshell) _pendingFunction = false;
        StartNewStatement();
    }

    private void Pop(FrameKind kind, string closer, int at)
    {
        if (Top is not { } top || top.Kind != kind)
        {
            var open = Top is { } t ? $"; the innermost open construct is '{t.Opener}' from line {_lines.LineOf(t.Start)}" : string.Empty;
            throw Error(at, $"'{closer}' closes nothing{open}");
        }

        _stack.RemoveAt(_stack.Count - 1);
    }

    private ShellScriptFormatException Error(int offset, string reason) => new(_lines.FileName, _lines.LineOf(offset), reason);

    private enum FrameKind
    {
        If,
        Loop,
        Case,
        Group,
        Subshell,
    }

    private sealed record Frame(FrameKind Kind, string Opener, int Start, bool IsFunction);

    private sealed class PendingAssignment
    {
        public required string Name { get; init; }

        public required string Raw { get; init; }

        public required string? Value { get; init; }

        public required ShellAssignmentKind? Kind { get; init; }

        public bool IsPrefix { get; set; }

        public required int WordStart { get; init; }

        public required int ValueStart { get; init; }

        public required int ValueEnd { get; init; }
    }
}
