using System.Globalization;

namespace Fixxit.Rehearsal.Namespaces;

/// <summary>
/// Finds processes by the namespace they live in (<c>/proc/PID/ns/net</c> names it as <c>net:[inode]</c>): how
/// <c>down</c> finds everything of the replica, whoever started it and whatever was killed before.
/// </summary>
public static class NamespaceMembers
{
    /// <summary>The namespace of <paramref name="pid"/> ("net:[4026532…]"), or null when the process is gone.</summary>
    public static string? Of(int pid, string kind = "net")
    {
        try
        {
            return new FileInfo($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/ns/{kind}").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Every live process in namespace <paramref name="identity"/>.</summary>
    public static IReadOnlyList<int> Find(string identity, string kind = "net")
    {
        ArgumentNullException.ThrowIfNull(identity);
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (string.Equals(Of(pid, kind), identity, StringComparison.Ordinal)) found.Add(pid);
        }

        return found;
    }

    /// <summary>True when <paramref name="identity"/> is this machine's own namespace (never ours to empty).</summary>
    public static bool IsMachines(string identity, string kind = "net") =>
        string.Equals(Of(1, kind), identity, StringComparison.Ordinal) || string.Equals(Of(Environment.ProcessId, kind), identity, StringComparison.Ordinal);
}
