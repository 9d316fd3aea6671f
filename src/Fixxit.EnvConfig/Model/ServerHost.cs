namespace Fixxit.EnvConfig;

/// <summary>
/// A machine reached over SSH, its reverse proxy and the environments it runs. Cross-environment rules
/// (ports, directories) compare the environments of one host.
/// </summary>
public sealed record ServerHost
{
    public required string Name { get; init; }

    /// <summary>DNS name or address for SSH. Fixxit's real one is supplied at run time, never committed.</summary>
    public required string SshAddress { get; init; }

    public int SshPort { get; init; } = 22;

    public required string User { get; init; }

    /// <summary>The host key's SHA-256 fingerprint (as <c>ssh-keygen -lf</c> prints it, with or without <c>SHA256:</c>).</summary>
    public string? HostKeyFingerprint { get; init; }

    /// <summary>The private key used to log in, on the machine running Fixxit.Verify.</summary>
    public SecretRef? IdentityFile { get; init; }

    public ReverseProxy Proxy { get; init; } = new();

    public ImmutableArray<AppEnvironment> Environments { get; init; } = [];

    public AppEnvironment Environment(string name) =>
        Environments.FirstOrDefault(e => e.Name == name)
        ?? throw new KeyNotFoundException($"host '{Name}' has no environment '{name}' (it has: {string.Join(", ", Environments.Select(e => e.Name))})");
}
