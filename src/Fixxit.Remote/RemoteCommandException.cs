using Fixxit.Masking;

namespace Fixxit.Remote;

/// <summary>A remote command exited non-zero. The message names the command and its stderr, secrets masked.</summary>
public sealed class RemoteCommandException : Exception
{
    public RemoteCommandException(string target, string command, CommandResult result)
        : base(SecretMasker.Shared.Mask(
            $"remote command failed on {target} (exit {result.ExitCode}): {command}{Environment.NewLine}{Tail(result.StdErr.Length > 0 ? result.StdErr : result.StdOut)}"))
    {
        Command = SecretMasker.Shared.Mask(command);
        Result = result;
    }

    /// <summary>The command, masked.</summary>
    public string Command { get; }

    /// <summary>The raw result: callers must mask before printing.</summary>
    public CommandResult Result { get; }

    // The last lines carry the reason; a whole log would bury it.
    private static string Tail(string text)
    {
        var lines = text.TrimEnd().Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 20)));
    }
}
