namespace Fixxit.FileFormats.DotEnv;

/// <summary>
/// A <c>.env</c> file that cannot be read safely. The message names the file and line, never the value on it
/// (the line may hold a secret).
/// </summary>
public sealed class DotEnvFormatException : FormatException
{
    public DotEnvFormatException(string fileName, int lineNumber, string reason)
        : base($"{fileName}:{lineNumber}: {reason}")
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Reason = reason;
    }

    public DotEnvFormatException() { }

    public DotEnvFormatException(string message) : base(message) { }

    public DotEnvFormatException(string message, Exception inner) : base(message, inner) { }

    public string FileName { get; } = string.Empty;

    /// <summary>1-based line number of the defect.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without file and line.</summary>
    public string Reason { get; } = string.Empty;
}
