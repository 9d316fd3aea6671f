using Fixxit.EnvConfig;
using Fixxit.Provisioning;
using Fixxit.Sandbox;
using Fixxit.Topologies;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary>
/// Resolves <c>--topology</c> into the declared topology and the provisioner options for it. The sandbox (default) comes
/// from its state file, with its client key and Caddy CA pinned; the real server is used only when named explicitly and
/// takes its key path and host-key pin from environment variables, never from the repository.
/// </summary>
public static class ProvisioningTarget
{
    public const string HostKeyVariable = "FIXXIT_SSH_HOST_KEY";

    public static (Topology Topology, ProvisionerOptions Options) Resolve(ProvisionSettings settings, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Topology)
        {
            case "" or "sandbox":
                SandboxInfo info;
                try
                {
                    info = Fixxit.Sandbox.SandboxControl.Describe(settings.Root);
                }
                catch (SandboxException e)
                {
                    throw new UserFacingException(e.Message);
                }

                return (info.Topology, ProvisionerOptions.ForSandbox(info.ClientKeyPath, info.CaRootCertificatePath) with { Log = log });
            case "fixxit" or "real":
                var pin = System.Environment.GetEnvironmentVariable(HostKeyVariable);
                if (string.IsNullOrWhiteSpace(pin) && string.IsNullOrWhiteSpace(FixxitTopology.Server.HostKeyFingerprint))
                {
                    throw new UserFacingException($"--topology fixxit: set {HostKeyVariable} to the server's host key fingerprint (ssh-keygen -lf); an unpinned host is never contacted");
                }

                return (FixxitTopology.Real, new ProvisionerOptions { HostKeyFingerprint = string.IsNullOrWhiteSpace(pin) ? null : pin, Log = log });
            default:
                throw new UserFacingException($"unknown topology '{settings.Topology}': use 'sandbox' (default) or 'fixxit'");
        }
    }
}
