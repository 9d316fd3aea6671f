namespace Fixxit.FileFormats.ShellScript;

/// <summary>A script whose structure cannot be followed (unclosed quote, unbalanced if/fi …): file and line, never a value.</summary>
public sealed class ShellScriptFormatException : FormatException
{
    public ShellScriptFormatException(string fileName, int lineNumber, string reason)
        : base($"{fileName}:{lineNumber}: {reason}")
    {
        FileName = fileName;
        LineNumber = lineNumber;
    }

    public ShellScriptFormatException() { }

    public ShellScriptFormatException(string message) : base(message) { }

    public ShellScriptFormatException(string message, Exception inner) : base(message, inner) { }

    public string FileName { get; } = string.Empty;

    public int LineNumber { get; }
}
