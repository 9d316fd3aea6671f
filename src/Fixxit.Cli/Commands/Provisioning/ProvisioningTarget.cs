using Fixxit.EnvConfig;
using Fixxit.Provisioning;
using Fixxit.Remote.Targets;
using Fixxit.Sandbox;
using Fixxit.Topologies;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary>
/// Resolves <c>--topology</c> into the declared topology and the provisioner options for it. The sandbox (default) comes
/// from its state file, with its client key and Caddy CA pinned; the real server is used only when named explicitly and
/// takes its key path, host-key pin and address from the settings contract (<see cref="TargetVariables"/>), never from the repository.
/// </summary>
public static class ProvisioningTarget
{
    /// <summary>
    /// The real server's options from the settings contract (<see cref="TargetVariables"/>, the checklist reads the
    /// same): key file and host-key pin required, the address explicit or resolved by DNS. Any error names the variable.
    /// </summary>
    public static ProvisionerOptions RealServer(Func<string, string?> read, IEnumerable<string> environmentNames, Func<string, System.Net.IPAddress[]> dns)
    {
        try
        {
            TargetVariables.RejectMisspelled(environmentNames);
            var pin = TargetVariables.Required(TargetVariables.HostKeySha256, read);
            var key = TargetVariables.Required(TargetVariables.SshKeyFile, read);
            var name = FixxitTopology.Server.SshAddress;
            var address = ServerAddresses.Resolve([name], TargetVariables.Optional(TargetVariables.ServerAddress, read), dns)[name];
            return new ProvisionerOptions { HostKeyFingerprint = pin, PrivateKeyPath = key, SshAddress = address.ToString() };
        }
        catch (TargetSettingsException e)
        {
            throw new UserFacingException("--topology fixxit: " + e.Message);
        }
    }

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
                return (FixxitTopology.Real, RealServer(System.Environment.GetEnvironmentVariable, System.Environment.GetEnvironmentVariables().Keys.Cast<string>(), ServerAddresses.SystemDns) with { Log = log });
            default:
                throw new UserFacingException($"unknown topology '{settings.Topology}': use 'sandbox' (default) or 'fixxit'");
        }
    }
}
