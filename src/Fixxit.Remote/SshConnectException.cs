namespace Fixxit.Remote;

/// <summary>An SSH connection could not be opened; <see cref="Failure"/> says why in a way callers can branch on.</summary>
public sealed class SshConnectException(SshFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public SshFailure Failure { get; } = failure;
}
