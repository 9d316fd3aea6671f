namespace Fixxit.Remote;

/// <summary>Why an SSH connection failed.</summary>
public enum SshFailure
{
    /// <summary>Nothing answered (refused, no route, timeout, not an SSH server).</summary>
    Unreachable,

    /// <summary>The server's host key is not the pinned one: possibly the wrong server, never proceed.</summary>
    HostKeyMismatch,

    /// <summary>The server refused our user/key.</summary>
    AuthenticationFailed,

    /// <summary>The local private key file is missing or unreadable.</summary>
    PrivateKeyUnusable,
}
