using System.Net;
using System.Net.Sockets;

namespace Fixxit.Remote.Targets;

/// <summary>
/// How the CLI and the checklist find the server for its names, the same way: an explicit
/// <see cref="TargetVariables.ServerAddress"/> is used for every name without asking DNS (verifying a server before DNS
/// points at it); without it each name is resolved by DNS once, and the answer is pinned for the run.
/// </summary>
public static class ServerAddresses
{
    /// <param name="dns">The resolver (injectable: specs never resolve real names).</param>
    public static IReadOnlyDictionary<string, IPAddress> Resolve(IEnumerable<string> names, string? explicitAddress, Func<string, IPAddress[]> dns)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(dns);
        var distinct = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (explicitAddress is not null)
        {
            if (!IPAddress.TryParse(explicitAddress.Trim(), out var address))
            {
                throw new TargetSettingsException($"environment variable {TargetVariables.ServerAddress}='{explicitAddress}' is not an IP address (unset it to resolve the names by DNS)");
            }

            return distinct.ToDictionary(n => n, _ => address, StringComparer.OrdinalIgnoreCase);
        }

        var map = new Dictionary<string, IPAddress>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in distinct)
        {
            IPAddress[] answers;
            try
            {
                answers = dns(name);
            }
            catch (SocketException e)
            {
                throw new TargetSettingsException($"{name} does not resolve ({e.Message}); set {TargetVariables.ServerAddress} to the server's IP address to verify it before DNS points at it", e);
            }

            map[name] = answers.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? answers.FirstOrDefault()
                ?? throw new TargetSettingsException($"{name} resolves to no address; set {TargetVariables.ServerAddress} to the server's IP address");
        }

        return map;
    }

    /// <summary>The system resolver (inside a rehearsal's namespace: its bind-mounted /etc/hosts).</summary>
    public static IPAddress[] SystemDns(string name) => Dns.GetHostAddresses(name);
}
