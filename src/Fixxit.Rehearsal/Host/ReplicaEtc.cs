using System.Text;

namespace Fixxit.Rehearsal.Host;

/// <summary>The replica's small <c>/etc</c> files that are not copies: hosts and sudoers.</summary>
public static class ReplicaEtc
{
    /// <summary>
    /// The names the plan says point at the server map to the replica's loopback, inside its namespace only; the
    /// machine's name too, so sudo does not complain that it cannot resolve its own host.
    /// </summary>
    public static string Hosts(IEnumerable<string> serverNames, string machineName)
    {
        ArgumentNullException.ThrowIfNull(serverNames);
        var b = new StringBuilder("# Fixxit rehearsal host: bind-mounted on /etc/hosts inside its own namespaces only.\n");
        b.Append("127.0.0.1\tlocalhost ").Append(machineName).Append('\n');
        foreach (var name in serverNames.Distinct(StringComparer.OrdinalIgnoreCase)) b.Append("127.0.0.1\t").Append(name).Append('\n');
        b.Append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        return b.ToString();
    }

    /// <summary>
    /// sudo for <paramref name="user"/> exactly as far as the plan and the gate use it: the Caddy commands that read
    /// the Caddyfile (validate, adapt), without a password. HOME is kept, so what Caddy writes there stays in the
    /// replica's /home instead of the machine's /root.
    /// </summary>
    public static string Sudoers(string user, IEnumerable<string> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var b = new StringBuilder("# Fixxit rehearsal host: bind-mounted on /etc/sudoers inside its own namespaces only.\n");
        b.Append("Defaults\tenv_reset\n");
        b.Append("Defaults\tsecure_path=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\n");
        b.Append("Defaults:").Append(user).Append("\tenv_keep += \"HOME\"\n");
        b.Append("root\tALL=(ALL:ALL) ALL\n");
        b.Append(user).Append("\tALL=(root) NOPASSWD: ").Append(string.Join(", ", commands)).Append('\n');
        return b.ToString();
    }

    /// <summary>What the plan and the gate run with sudo on the server.</summary>
    public static readonly IReadOnlyList<string> SudoCommands = ["/usr/bin/caddy validate *", "/usr/bin/caddy adapt *"];
}
