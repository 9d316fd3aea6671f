using System.Text.RegularExpressions;
using Fixxit.EnvConfig.Rules;
using Fixxit.FileFormats.DotEnv;
using Fixxit.Masking;

namespace Fixxit.FileFormats.ShellScript;

/// <summary>
/// The fork's <c>start_server.sh</c> (or any bash script) held as its exact text plus the assignments found in it.
/// Replaces the plan's <c>sed -i 's/BACKEND_PORT=8080/…/'</c>: <see cref="SetPort"/> changes exactly the port digits of
/// the one top-level assignment and refuses anything ambiguous; <see cref="SecretDefinitions"/> finds every place a
/// secret is defined so it can be compared with <c>backend/.env</c>. Unchanged, <see cref="ToString"/> is the input.
/// Literal secret values are registered with <see cref="SecretMasker.Shared"/> when read.
/// </summary>
public sealed partial class StartServerScript
{
    public const string BackendPortName = "BACKEND_PORT";
    public const string FrontendPortName = "FRONTEND_PORT";

    private string _text;
    private List<ShellAssignment> _assignments;
    private List<ShellSourcedFile> _sourced;
    private List<ShellStatement> _statements;

    private StartServerScript(string text, string fileName)
    {
        FileName = fileName;
        _text = text;
        (_assignments, _sourced, _statements) = ShellParser.Parse(text, fileName);
        RegisterSecrets();
    }

    public string FileName { get; }

    /// <summary>Every assignment in text order, in any scope and of any kind.</summary>
    public IReadOnlyList<ShellAssignment> Assignments => _assignments;

    /// <summary>Files the script loads with <c>source</c> or <c>.</c>.</summary>
    public IReadOnlyList<ShellSourcedFile> SourcedFiles => _sourced;

    /// <summary>Every definition of a secret-named variable (exported or not, any scope, command prefixes too).</summary>
    public IReadOnlyList<ShellSecretDefinition> SecretDefinitions =>
        _assignments.Where(a => a.IsSecret).Select(a => new ShellSecretDefinition(FileName, a)).ToList();

    /// <exception cref="ShellScriptFormatException">Unclosed quote or construct, stray <c>fi</c>/<c>}</c> …</exception>
    public static StartServerScript Parse(string text, string fileName = "start_server.sh") => new(text, fileName);

    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ShellScriptFormatException">Not UTF-8, or structure that cannot be followed.</exception>
    public static StartServerScript Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such script", path);
        var text = TextFiles.ReadUtf8(path, out var invalidLine);
        if (invalidLine is { } line) throw new ShellScriptFormatException(path, line, "the file is not valid UTF-8 text");
        return new StartServerScript(text, path);
    }

    /// <summary>Definitions of one variable, in text order.</summary>
    public IReadOnlyList<ShellAssignment> AssignmentsOf(string name) => _assignments.Where(a => a.Name == name).ToList();

    /// <summary>Definitions of one secret-named variable.</summary>
    public IReadOnlyList<ShellSecretDefinition> DefinitionsOf(string name) => SecretDefinitions.Where(d => d.Name == name).ToList();

    /// <summary>The port a variable is set to, when that is unambiguous.</summary>
    /// <exception cref="ShellScriptEditException">
    /// Not assigned; assigned more than once anywhere (a second assignment in a function or a command prefix would
    /// override the first); only assigned inside a block; or not a literal / <c>${VAR:-port}</c> value.
    /// </exception>
    public ShellPortAssignment GetPort(string name)
    {
        var all = AssignmentsOf(name).Where(a => !IsPassThrough(a)).ToList();
        if (all.Count == 0) throw Refuse([], $"{name} is never assigned; add a top-level line {name}=<port>");
        if (all.Count > 1)
            throw Refuse(all.Select(a => a.LineNumber).ToList(),
                $"{name} is assigned {all.Count} times (lines {Lines(all)}); refusing to guess which one the server uses — keep a single top-level assignment");
        var only = all[0];
        if (only.Scope != ShellScope.TopLevel)
            throw Refuse([only.LineNumber], $"{name} is only assigned inside a {(only.Scope == ShellScope.Function ? "function" : "block")} (line {only.LineNumber}); move it to the top level so every command sees it");
        if (only.Kind == ShellAssignmentKind.CommandPrefix)
            throw Refuse([only.LineNumber], $"{name} on line {only.LineNumber} is set only for the command after it");

        if (LiteralPort().Match(only.RawValue) is { Success: true } literal)
            return new ShellPortAssignment(FileName, name, ParsePort(literal, only), ShellPortForm.Literal, null, only);
        if (DefaultPort().Match(only.RawValue) is { Success: true } fallback)
            return new ShellPortAssignment(FileName, name, ParsePort(fallback, only), ShellPortForm.DefaultExpansion, fallback.Groups["var"].Value, only);
        throw Refuse([only.LineNumber], $"{name} on line {only.LineNumber} is '{only.RawValue}', not a port number or ${{VAR:-port}} default; change it by hand");
    }

    /// <summary>
    /// Sets a port: rewrites only its digits (quotes, <c>export</c>, comments, <c>${VAR:-…}</c> form all kept).
    /// Setting the current port changes nothing.
    /// </summary>
    public ShellPortChange SetPort(string name, int port)
    {
        if (port is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "a TCP port is 1-65535");
        var current = GetPort(name);
        if (current.Port != port)
        {
            var match = current.Form == ShellPortForm.Literal ? LiteralPort().Match(current.Assignment.RawValue) : DefaultPort().Match(current.Assignment.RawValue);
            var digits = match.Groups["port"];
            var at = current.Assignment.ValueStart + digits.Index;
            Replace(_text.Remove(at, digits.Length).Insert(at, port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ShellPortChange(FileName, name, current.LineNumber, current.Port, port);
    }

    /// <summary>
    /// Sets a variable's value: rewrites the value of its one top-level assignment (keeping <c>export</c> and the rest
    /// of the line), or, when it has none, inserts <c>export NAME=value</c> right after the shebang so every command
    /// that follows sees it. The value is quoted as one shell word, so it cannot be re-interpreted.
    /// </summary>
    /// <exception cref="ShellScriptEditException">
    /// The variable is assigned more than once, or only inside a block or as a command prefix: which one the server
    /// uses is the caller's decision; nothing is changed.
    /// </exception>
    public void SetValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (SecretLiteralRules.IsSecretName(name)) SecretMasker.Shared.Register(value, name);
        var all = AssignmentsOf(name).Where(a => !IsPassThrough(a)).ToList();
        var word = ShellQuote.Quote(value);
        if (all.Count == 0)
        {
            var lines = new ShellLines(_text, FileName);
            var at = _text.StartsWith("#!", StringComparison.Ordinal) ? lines.EndOf(1) : 0;
            var newLine = at > 0 && _text[at - 1] != '\n' ? "\n" : string.Empty;
            Replace(_text.Insert(at, $"{newLine}export {name}={word}\n"));
            return;
        }

        if (all.Count > 1)
            throw Refuse(all.Select(a => a.LineNumber).ToList(), $"{name} is assigned {all.Count} times (lines {Lines(all)}); keep a single top-level assignment before setting it");
        var only = all[0];
        if (only.Scope != ShellScope.TopLevel || only.Kind == ShellAssignmentKind.CommandPrefix)
            throw Refuse([only.LineNumber], $"{name} on line {only.LineNumber} is not a top-level assignment; edit it by hand");
        if (only.Value == value) return;
        Replace(_text.Remove(only.ValueStart, only.ValueEnd - only.ValueStart).Insert(only.ValueStart, word));
    }

    /// <summary>Lines (1-based) other than the port assignments that still contain the number as a whole word outside comments, e.g. a hard-coded <c>--port 8080</c>.</summary>
    public IReadOnlyList<int> LinesMentioningPort(int port)
    {
        var lines = new ShellLines(_text, FileName);
        var assignmentLines = _assignments.Where(a => a.Name is BackendPortName or FrontendPortName).Select(a => a.LineNumber).ToHashSet();
        var pattern = new Regex($@"(?<![0-9]){port}(?![0-9])", RegexOptions.CultureInvariant);
        var found = new List<int>();
        var count = _text.Count(c => c == '\n') + 1;
        for (var line = 1; line <= count; line++)
        {
            if (assignmentLines.Contains(line)) continue;
            var text = lines.TextOf(line);
            var comment = CommentStart().Match(text);
            var code = comment.Success ? text[..comment.Index] : text;
            if (pattern.IsMatch(code)) found.Add(line);
        }

        return found;
    }

    /// <summary>
    /// Removes every definition of a variable: whole lines for a definition that is alone on its line(s), just the
    /// <c>NAME=value</c> word when it shares a command (<c>export A=1 KEY=2</c>, <c>KEY=2 cmd</c>). Returns how many.
    /// </summary>
    /// <exception cref="ShellScriptEditException">A definition shares its line with another command; nothing is changed.</exception>
    public int RemoveDefinitions(string name)
    {
        var doomed = AssignmentsOf(name);
        if (doomed.Count == 0) return 0;
        var lines = new ShellLines(_text, FileName);
        var cuts = new List<(int Start, int End)>();
        var refused = new List<int>();
        foreach (var assignment in doomed)
        {
            var statement = _statements[assignment.StatementIndex];
            if (statement.AssignmentCount > 1 || assignment.Kind == ShellAssignmentKind.CommandPrefix)
            {
                cuts.Add(WordWithBlanks(assignment));
                continue;
            }

            var firstLine = lines.LineOf(statement.Start);
            var lastLine = lines.LineOf(statement.End - 1);
            var before = _text[lines.StartOf(firstLine)..statement.Start];
            var after = _text[statement.End..lines.EndOf(lastLine)];
            if (string.IsNullOrWhiteSpace(before) && AloneAfter().IsMatch(after)) cuts.Add((lines.StartOf(firstLine), lines.EndOf(lastLine)));
            else refused.Add(assignment.LineNumber);
        }

        if (refused.Count > 0)
            throw Refuse(refused, $"{name} is defined on line(s) {string.Join(", ", refused)} together with other commands; edit those lines by hand");
        var text = _text;
        foreach (var (start, end) in cuts.Distinct().OrderByDescending(c => c.Start)) text = text.Remove(start, end - start);
        Replace(text);
        return doomed.Count;
    }

    /// <summary>The exact text, unmasked: this is file content, not output. Mask it before printing.</summary>
    public override string ToString() => _text;

    public byte[] ToBytes() => TextFiles.ToBytes(_text);

    /// <summary>Writes atomically, keeping the file's mode (it must stay executable).</summary>
    public void Save(string path) => TextFiles.WriteAtomically(path, _text);

    private (int Start, int End) WordWithBlanks(ShellAssignment assignment)
    {
        var start = assignment.WordStart;
        var end = assignment.ValueEnd;
        var afterBlanks = end;
        while (afterBlanks < _text.Length && _text[afterBlanks] is ' ' or '\t') afterBlanks++;
        if (afterBlanks > end) return (start, afterBlanks);
        while (start > 0 && _text[start - 1] is ' ' or '\t') start--;
        return (start, end);
    }

    private int ParsePort(Match match, ShellAssignment assignment)
    {
        var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (port is < 1 or > 65535) throw Refuse([assignment.LineNumber], $"{assignment.Name} on line {assignment.LineNumber} is {port}, which is not a TCP port");
        return port;
    }

    private void Replace(string text)
    {
        var parsed = ShellParser.Parse(text, FileName);
        _text = text;
        (_assignments, _sourced, _statements) = parsed;
        RegisterSecrets();
    }

    private void RegisterSecrets()
    {
        foreach (var assignment in _assignments)
        {
            if (assignment.IsSecret) SecretMasker.Shared.Register(assignment.Value, assignment.Name);
        }
    }

    /// <summary>
    /// <c>NAME="$NAME" command</c> hands the variable's own value to one command: it cannot override the top-level
    /// assignment, so it does not make the port ambiguous (unlike <c>NAME=9000 command</c>).
    /// </summary>
    private static bool IsPassThrough(ShellAssignment a) =>
        a.Kind == ShellAssignmentKind.CommandPrefix
        && a.RawValue is var raw
        && (raw == $"${a.Name}" || raw == $"\"${a.Name}\"" || raw == $"${{{a.Name}}}" || raw == $"\"${{{a.Name}}}\"");

    private ShellScriptEditException Refuse(IReadOnlyList<int> lines, string message) => new(FileName, lines, message);

    private static string Lines(IEnumerable<ShellAssignment> assignments) => string.Join(", ", assignments.Select(a => a.LineNumber));

    [GeneratedRegex(@"^(?<q>[""']?)(?<port>[0-9]{1,5})\k<q>$")]
    private static partial Regex LiteralPort();

    [GeneratedRegex(@"^(?<q>""?)\$\{(?<var>[A-Za-z_][A-Za-z0-9_]*)(?<op>:?[-=])(?<port>[0-9]{1,5})\}\k<q>$")]
    private static partial Regex DefaultPort();

    /// <summary>A <c>#</c> that starts a comment: at line start or after a blank (good enough outside quotes).</summary>
    [GeneratedRegex(@"(^|[ \t])#")]
    private static partial Regex CommentStart();

    /// <summary>What may follow a statement that is alone on its line: blanks, an optional ';', an optional comment.</summary>
    [GeneratedRegex(@"^[ \t\r]*;?[ \t\r]*(#[^\n]*)?\r?\n?$")]
    private static partial Regex AloneAfter();
}
