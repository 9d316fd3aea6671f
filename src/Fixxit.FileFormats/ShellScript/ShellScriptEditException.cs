namespace Fixxit.FileFormats.ShellScript;

/// <summary>
/// An edit refused because doing it blindly could leave the script wrong (two assignments of one port, a computed
/// value, a definition sharing its line). The message names the file and every line involved; the file is unchanged.
/// </summary>
public sealed class ShellScriptEditException : InvalidOperationException
{
    public ShellScriptEditException(string fileName, IReadOnlyList<int> lineNumbers, string message)
        : base($"{fileName}: {message}")
    {
        FileName = fileName;
        LineNumbers = lineNumbers;
    }

    public ShellScriptEditException() { }

    public ShellScriptEditException(string message) : base(message) { }

    public ShellScriptEditException(string message, Exception inner) : base(message, inner) { }

    public string FileName { get; } = string.Empty;

    public IReadOnlyList<int> LineNumbers { get; } = [];
}
