namespace Fixxit.Provisioning;

/// <summary>How the provisioner reaches the host and what it may run there. Built once per topology.</summary>
public sealed record ProvisionerOptions
{
    /// <summary>Overrides the host's declared private key (e.g. the sandbox's generated client key).</summary>
    public string? PrivateKeyPath { get; init; }

    /// <summary>Overrides the host's declared host-key pin (e.g. from <c>FIXXIT_SSH_HOST_KEY_SHA256</c> for the real server).</summary>
    public string? HostKeyFingerprint { get; init; }

    /// <summary>Overrides the host's declared SSH address (the address the settings contract resolved for its name).</summary>
    public string? SshAddress { get; init; }

    /// <summary>Checks the public URL from here through the proxy (sandbox); null checks it on the host over SSH.</summary>
    public ProxyVerification? Proxy { get; init; }

    /// <summary><c>npm install --offline</c>: the sandbox has no network beyond loopback.</summary>
    public bool NpmOffline { get; init; }

    /// <summary>Run <c>pip install -r backend/requirements.txt</c> into the venv (the real server); false creates the venv only.</summary>
    public bool InstallPythonRequirements { get; init; } = true;

    /// <summary>Who runs this (journal); defaults to the OS user name.</summary>
    public string Actor { get; init; } = Environment.UserName;

    /// <summary>One masked line per remote command and transfer; null for silence.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The options for a sandbox: its client key, the CA it pins, offline installs.</summary>
    public static ProvisionerOptions ForSandbox(string clientKeyPath, string caRootCertificatePath) => new()
    {
        PrivateKeyPath = clientKeyPath,
        Proxy = new ProxyVerification(caRootCertificatePath),
        NpmOffline = true,
        InstallPythonRequirements = false,
    };
}
