namespace Fixxit.Remote;

/// <summary>What a remote command left behind. <see cref="ExitCode"/> is -1 when the command died of a signal.</summary>
public sealed record CommandResult(int ExitCode, string StdOut, string StdErr)
{
    public bool Succeeded => ExitCode == 0;
}
