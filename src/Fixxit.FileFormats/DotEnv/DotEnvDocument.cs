using Fixxit.EnvConfig.Rules;
using Fixxit.Masking;

namespace Fixxit.FileFormats.DotEnv;

/// <summary>
/// A <c>.env</c> file held as its exact text plus the entries found in it. Unchanged, <see cref="ToString"/> gives the
/// input back byte for byte (BOM, CRLF, comments, quoting, trailing blanks, missing final newline). <see cref="Set"/>
/// and <see cref="Remove"/> edit only the lines of that key. Values of secret-named keys are registered with
/// <see cref="SecretMasker.Shared"/> as soon as they are read or set.
/// </summary>
public sealed class DotEnvDocument
{
    private const string Bom = "\uFEFF";

    private string _text;
    private List<DotEnvEntry> _entries;

    private DotEnvDocument(string text, string fileName)
    {
        FileName = fileName;
        _text = text;
        _entries = DotEnvParser.Parse(text, fileName);
        RegisterSecrets();
    }

    /// <summary>Name used in messages (a path or e.g. <c>backend/.env</c>).</summary>
    public string FileName { get; }

    /// <summary>Every assignment in file order, duplicates included.</summary>
    public IReadOnlyList<DotEnvEntry> Entries => _entries;

    /// <summary>Distinct keys in order of first appearance.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key).Distinct(StringComparer.Ordinal);

    /// <summary>Keys defined more than once, each later definition paired with the first.</summary>
    public IReadOnlyList<DotEnvDuplicateKey> Duplicates =>
        _entries.GroupBy(e => e.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Skip(1).Select(d => new DotEnvDuplicateKey(FileName, g.Key, g.First().LineNumber, d.LineNumber)))
            .ToList();

    public bool HasByteOrderMark => _text.StartsWith(Bom, StringComparison.Ordinal);

    /// <summary>The file's line ending (its first one; LF for a file without any), used for lines this class adds.</summary>
    public string NewLine
    {
        get
        {
            var i = _text.IndexOfAny(['\r', '\n']);
            if (i < 0) return "\n";
            if (_text[i] == '\n') return "\n";
            return i + 1 < _text.Length && _text[i + 1] == '\n' ? "\r\n" : "\r";
        }
    }

    public static DotEnvDocument Parse(string text, string fileName = ".env") => new(text, fileName);

    /// <summary>Reads a file as strict UTF-8 (BOM kept as text so it is written back).</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="DotEnvFormatException">Not UTF-8, or a malformed line.</exception>
    public static DotEnvDocument Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such .env file", path);
        var text = TextFiles.ReadUtf8(path, out var invalidLine);
        if (invalidLine is { } line) throw new DotEnvFormatException(path, line, "the file is not valid UTF-8 text");
        return new DotEnvDocument(text, path);
    }

    /// <summary>True when the key is assigned at least once.</summary>
    public bool Contains(string key) => _entries.Exists(e => e.Key == key);

    /// <summary>The value python-dotenv would load (the last definition), or null.</summary>
    public string? Get(string key) => _entries.LastOrDefault(e => e.Key == key)?.Value;

    /// <summary>The last entry for the key, or null.</summary>
    public DotEnvEntry? Find(string key) => _entries.LastOrDefault(e => e.Key == key);

    /// <summary>
    /// Sets a value: rewrites only the value of the existing line (keeping <c>export</c>, spacing, quoting style when it
    /// can hold the value, and any inline comment) or appends <c>KEY=value</c> at the end. Setting the current value
    /// changes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key is defined more than once: which line to change is the caller's decision.</exception>
    public void Set(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!DotEnvParser.IsValidKey(key)) throw new ArgumentException($"'{key}' is not a valid .env key", nameof(key));
        if (SecretLiteralRules.IsSecretName(key)) SecretMasker.Shared.Register(value, key);

        var existing = _entries.Where(e => e.Key == key).ToList();
        if (existing.Count > 1)
            throw new InvalidOperationException(
                $"{FileName}: {key} is defined on lines {string.Join(", ", existing.Select(e => e.LineNumber))}; remove the extra definitions before setting it");

        if (existing.Count == 1)
        {
            var entry = existing[0];
            if (entry.Value == value) return;
            var encoded = DotEnvValueCodec.Encode(value, entry.Quote);
            Replace(_text.Remove(entry.ValueStart, entry.ValueLength).Insert(entry.ValueStart, encoded));
            return;
        }

        var line = $"{key}={DotEnvValueCodec.Encode(value, preferred: null)}";
        var body = _text.Length - (HasByteOrderMark ? 1 : 0);
        var endsWithNewLine = _text.EndsWith('\n') || _text.EndsWith('\r');
        if (body == 0) Replace(_text + line + NewLine);
        else if (endsWithNewLine) Replace(_text + line + NewLine);
        else Replace(_text + NewLine + line); // the file had no final newline: keep it that way
    }

    /// <summary>Removes every definition of the key (whole lines, with their line endings). False when absent.</summary>
    public bool Remove(string key)
    {
        var doomed = _entries.Where(e => e.Key == key).OrderByDescending(e => e.LineStart).ToList();
        if (doomed.Count == 0) return false;
        var text = _text;
        foreach (var entry in doomed) text = text.Remove(entry.LineStart, entry.LineEnd - entry.LineStart);
        Replace(text);
        return true;
    }

    /// <summary>The exact text, unmasked: this is file content, not output. Mask it before printing.</summary>
    public override string ToString() => _text;

    /// <summary>The file's bytes: UTF-8, with the BOM only if the input had one.</summary>
    public byte[] ToBytes() => TextFiles.ToBytes(_text);

    /// <summary>
    /// Writes the file atomically (a temporary file beside it, then a rename) keeping an existing file's Unix mode,
    /// so a <c>chmod 600 .env</c> survives and a crash never leaves half a file.
    /// </summary>
    public void Save(string path) => TextFiles.WriteAtomically(path, _text);

    private void Replace(string text)
    {
        var entries = DotEnvParser.Parse(text, FileName);
        _text = text;
        _entries = entries;
        RegisterSecrets();
    }

    private void RegisterSecrets()
    {
        foreach (var entry in _entries)
        {
            if (entry.IsSecret) SecretMasker.Shared.Register(entry.Value, entry.Key);
        }
    }
}
