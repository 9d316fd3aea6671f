namespace Fixxit.EnvConfig.Validation;

/// <summary>One thing wrong with a topology: the rule, where (environment and setting), and what to do.</summary>
public sealed record ConfigProblem(string Id, string Environment, string Setting, string Message)
{
    public override string ToString() => $"{Id} [{Environment}] {Setting}: {Message}";
}
