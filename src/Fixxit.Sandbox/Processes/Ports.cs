namespace Fixxit.Sandbox.Processes;

/// <summary>Refuses to start a component on a port someone else holds, naming the port and its holder.</summary>
public static class Ports
{
    public static async Task EnsureFreeAsync(int port, string component, CancellationToken cancellationToken = default)
    {
        var holders = await PortProbe.HoldersAsync(port, cancellationToken).ConfigureAwait(false);
        if (holders.Count > 0)
        {
            throw new SandboxException(
                $"port {port} (for {component}) is already in use: {string.Join("; ", holders)}. " +
                "Stop that process, or use another port block (SandboxPorts.ForSlot) / sandbox root.");
        }
    }
}
