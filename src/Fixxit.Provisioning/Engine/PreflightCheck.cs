namespace Fixxit.Provisioning.Engine;

/// <summary>One preflight finding: passed, or failed with the kind of failure it is.</summary>
internal sealed record PreflightCheck(string Name, bool Passed, string Message, FailureKind Kind = FailureKind.ProblemsFound)
{
    public string Line => $"{(Passed ? "ok  " : "FAIL")} {Name}: {Message}";
}
