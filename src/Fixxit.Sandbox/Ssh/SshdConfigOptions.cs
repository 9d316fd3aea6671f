namespace Fixxit.Sandbox.Ssh;

/// <summary>What differs between the sshds Fixxit.Verify starts: port, key and pid file locations, session variables.</summary>
public sealed record SshdConfigOptions
{
    public required int Port { get; init; }

    public required string HostKey { get; init; }

    public required string PidFile { get; init; }

    /// <summary>A path, or a pattern sshd expands (<c>.ssh/authorized_keys</c> is relative to the user's home).</summary>
    public required string AuthorizedKeysFile { get; init; }

    /// <summary>Variables every session gets (<c>SetEnv</c>); empty leaves the login's own (HOME from the passwd entry).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
