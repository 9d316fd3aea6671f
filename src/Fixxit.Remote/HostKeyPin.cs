namespace Fixxit.Remote;

/// <summary>
/// SHA-256 host key fingerprints in the form <c>ssh-keygen -lf</c> prints (unpadded base64), compared exactly.
/// Base64 is case-sensitive, so no case folding.
/// </summary>
public static class HostKeyPin
{
    public const string Prefix = "SHA256:";

    /// <summary>The fingerprint without <c>SHA256:</c>, surrounding spaces or base64 padding.</summary>
    public static string Normalize(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var text = fingerprint.Trim();
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) text = text[Prefix.Length..];
        return text.TrimEnd('=');
    }

    public static bool Matches(string pinned, string presented) =>
        string.Equals(Normalize(pinned), Normalize(presented), StringComparison.Ordinal);

    /// <summary>Reads the fingerprint from a line of <c>ssh-keygen -lf</c> output ("256 SHA256:xxx comment (ED25519)").</summary>
    public static string FromKeygenOutput(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var token = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => t.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new FormatException($"no '{Prefix}' fingerprint in ssh-keygen output: '{line.Trim()}'");
        return Normalize(token);
    }

    /// <summary>
    /// OpenSSH's warning for a host whose key is not the pinned one, cause first: the host, the pinned (expected) and
    /// the presented (actual) fingerprint, and that nothing was run.
    /// </summary>
    public static string ChangedWarning(string host, string pinned, string presented) =>
        $"WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! for {host}: expected host key SHA256:{Normalize(pinned)} (pinned), " +
        $"the server presented SHA256:{Normalize(presented)}. It is possible that someone is doing something nasty (a man in the middle), " +
        "or the host key was just changed. Host key verification failed: refusing to connect, no command was run; " +
        "if the change is expected, update the pin (for the sandbox: `fixxit sandbox reset`).";
}
