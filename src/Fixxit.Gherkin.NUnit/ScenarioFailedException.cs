using NUnit.Framework;

namespace Fixxit.Gherkin.NUnit;

/// <summary>A scenario failure as NUnit sees it: the original message and stack trace, already masked.</summary>
public sealed class ScenarioFailedException : AssertionException
{
    private readonly string? _stackTrace;

    public ScenarioFailedException(string message, string? stackTrace)
        : base(message) => _stackTrace = stackTrace;

    public ScenarioFailedException(string message)
        : base(message)
    {
    }

    public ScenarioFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public override string? StackTrace => _stackTrace ?? base.StackTrace;
}
