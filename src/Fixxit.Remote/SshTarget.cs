using Fixxit.EnvConfig;
namespace Fixxit.Remote;

/// <summary>
/// Everything needed to open a pinned SSH connection: where, as whom, with which private key, and the one host key
/// fingerprint that is accepted. There is no "trust on first use": a target without a pin cannot be built.
/// </summary>
public sealed record SshTarget
{
    public required string Host { get; init; }

    public int Port { get; init; } = 22;

    public required string User { get; init; }

    /// <summary>Path of the OpenSSH-format private key on the machine running Fixxit.Verify.</summary>
    public required string PrivateKeyPath { get; init; }

    /// <summary>The host key's SHA-256 fingerprint, as <c>ssh-keygen -lf</c> prints it (with or without <c>SHA256:</c>).</summary>
    public required string HostKeyFingerprint { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>"user@host:port" for messages.</summary>
    public string Display => $"{User}@{Host}:{Port}";

    /// <summary>
    /// The target for a declared host. The private key path comes from <see cref="ServerHost.IdentityFile"/>
    /// (a file reference, or an environment variable holding the path) unless <paramref name="privateKeyPath"/> is given.
    /// </summary>
    /// <exception cref="ArgumentException">The host has no pinned fingerprint or no resolvable private key.</exception>
    public static SshTarget From(ServerHost host, string? privateKeyPath = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.IsNullOrWhiteSpace(host.HostKeyFingerprint))
        {
            throw new ArgumentException(
                $"host '{host.Name}' ({host.SshAddress}:{host.SshPort}) has no HostKeyFingerprint: refusing to connect to an unpinned host", nameof(host));
        }

        var key = privateKeyPath ?? ResolveKeyPath(host);
        return new SshTarget
        {
            Host = host.SshAddress,
            Port = host.SshPort,
            User = host.User,
            PrivateKeyPath = key,
            HostKeyFingerprint = HostKeyPin.Normalize(host.HostKeyFingerprint),
        };
    }

    private static string ResolveKeyPath(ServerHost host) => host.IdentityFile switch
    {
        { Source: SecretSource.File, Location: { } path } => path,
        { Source: SecretSource.EnvironmentVariable, Key: var variable } =>
            Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path
                ? path
                : throw new ArgumentException($"host '{host.Name}': environment variable {variable} (the SSH private key path) is not set", nameof(host)),
        null => throw new ArgumentException($"host '{host.Name}' has no IdentityFile (SSH private key)", nameof(host)),
        var other => throw new ArgumentException($"host '{host.Name}': IdentityFile {other} is not a file or an environment variable holding a path", nameof(host)),
    };
}
