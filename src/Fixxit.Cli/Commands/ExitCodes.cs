namespace Fixxit.Cli.Commands;

/// <summary>Documented exit codes (docs/cli.md): scripts and CI branch on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and found problems (validation errors, a failed gate, a failed check).</summary>
    public const int ProblemsFound = 1;

    /// <summary>Bad input: unknown option, topology, environment or fault; unreadable file.</summary>
    public const int BadInput = 2;

    /// <summary>The target could not be reached or refused us (SSH, host key, auth, proxy).</summary>
    public const int Unreachable = 3;

    /// <summary>A step failed part-way; the message says which and what state was left.</summary>
    public const int StepFailed = 4;

    /// <summary>Another deploy holds the lock.</summary>
    public const int Locked = 5;

    /// <summary><c>deploy</c>: the gate failed after the apply, and the environment is back on the release before it (smoke-verified).</summary>
    public const int RolledBack = 6;
}
