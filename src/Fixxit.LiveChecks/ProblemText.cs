using Fixxit.EnvConfig.Validation;

namespace Fixxit.LiveChecks;

/// <summary>
/// A live rule's message on one line, with its rule ID: for outputs that join several findings on a line (preflight's
/// and doctor's summaries). The checklist prints the message as it is, its first line being the cause.
/// </summary>
public static class ProblemText
{
    public static string OneLine(ConfigProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return $"{problem.Message.Replace("\n", " — ", StringComparison.Ordinal)} ({problem.Id})";
    }
}
