using System.Reflection;

namespace Fixxit.Cli.Commands;

/// <summary>Documented exit codes (docs/cli.md; a spec compares its table with these constants): scripts and CI branch on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and found problems (validation errors, a failed gate, a failed check).</summary>
    public const int ProblemsFound = 1;

    /// <summary>Usage or bad input: unknown or misspelled option, a destructive verb without --yes and no terminal, unknown topology, environment or fault; unreadable file.</summary>
    public const int BadInput = 2;

    /// <summary>The target could not be reached or refused us (SSH, host key, auth, proxy).</summary>
    public const int Unreachable = 3;

    /// <summary>A step failed part-way, or the infrastructure (sandbox, rehearsal host, test host) failed; the message says which and what state was left.</summary>
    public const int StepFailed = 4;

    /// <summary>Another deploy holds the lock.</summary>
    public const int Locked = 5;

    /// <summary><c>deploy</c>: the gate failed after the apply, and the environment is back on the release before it (smoke-verified).</summary>
    public const int RolledBack = 6;

    /// <summary>Interrupted (Ctrl-C, SIGINT or SIGTERM): children ended, the lock released; the message says whether the target was rolled back or is resumable.</summary>
    public const int Cancelled = 130;

    /// <summary>Every documented code by name, read from the constants above (the docs spec and the envelope's error codes use it).</summary>
    public static IReadOnlyDictionary<string, int> All { get; } = typeof(ExitCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    public static string NameOf(int code) => All.FirstOrDefault(p => p.Value == code).Key ?? $"Exit{code}";
}
