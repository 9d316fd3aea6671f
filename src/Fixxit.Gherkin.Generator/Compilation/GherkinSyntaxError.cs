#nullable enable
namespace Fixxit.Gherkin.Compilation;

/// <summary>A parse error of a feature file, with the 1-based line and column Gherkin reported (0 when unknown).</summary>
internal sealed class GherkinSyntaxError
{
    public GherkinSyntaxError(int line, int column, string message)
    {
        Line = line;
        Column = column;
        Message = message;
    }

    public int Line { get; }
    public int Column { get; }
    public string Message { get; }
}
