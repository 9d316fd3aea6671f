namespace Fixxit.FileFormats.ShellScript;

/// <summary>Maps offsets in a script to 1-based line numbers and line spans.</summary>
internal sealed class ShellLines
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public ShellLines(string text, string fileName)
    {
        _text = text;
        FileName = fileName;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') _starts.Add(i + 1);
        }
    }

    public string FileName { get; }

    public int LineOf(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Offset of the first character of a line.</summary>
    public int StartOf(int line) => _starts[line - 1];

    /// <summary>Offset just after the line's '\n' (or the end of the text).</summary>
    public int EndOf(int line) => line < _starts.Count ? _starts[line] : _text.Length;

    /// <summary>The line's text without its line ending.</summary>
    public string TextOf(int line) => _text[StartOf(line)..EndOf(line)].TrimEnd('\n').TrimEnd('\r');
}
