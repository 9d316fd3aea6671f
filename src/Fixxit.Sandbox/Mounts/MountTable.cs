using System.Globalization;
using System.Text;
using Fixxit.Sandbox.Processes;

namespace Fixxit.Sandbox.Mounts;

/// <summary>
/// Mounts the sandbox makes (only the <c>low-disk-space</c> fault does) and how they are found again: from the kernel's
/// own table (<c>/proc/self/mountinfo</c>), never from the sandbox's state, so a crash between mounting and recording
/// still leaves nothing mounted after <c>sandbox down</c>.
/// </summary>
public static class MountTable
{
    private const string MountInfo = "/proc/self/mountinfo";

    /// <summary>Mount points at or under <paramref name="root"/>, deepest (and latest) first: the order to unmount them in.</summary>
    public static IReadOnlyList<string> Under(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!File.Exists(MountInfo)) return [];
        var prefix = root.TrimEnd('/');
        return [.. File.ReadAllLines(MountInfo)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 4)
            .Select(fields => Unescape(fields[4]))
            .Where(point => point == prefix || point.StartsWith(prefix + "/", StringComparison.Ordinal))
            .Reverse()
            .OrderByDescending(point => point.Count(c => c == '/'))];
    }

    public static bool IsMountPoint(string path) => Under(path).Contains(path.TrimEnd('/'), StringComparer.Ordinal);

    /// <summary>A tmpfs of <paramref name="megabytes"/> MB at <paramref name="point"/>; null when this machine does not allow mounting (the reason otherwise).</summary>
    public static async Task<string?> TryMountTmpfsAsync(string point, long megabytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(point);
        var result = await ProcessRunner.RunAsync(
            "mount", ["-t", "tmpfs", "-o", $"size={megabytes.ToString(CultureInfo.InvariantCulture)}m,mode=0755", "fixxit-sandbox", point], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return result.Succeeded ? null : $"mount -t tmpfs … {point} exited {result.ExitCode}: {(result.StdOut + result.StdErr).Trim()}";
    }

    /// <summary><c>mount --bind</c>: <paramref name="point"/> shows <paramref name="source"/>'s files (and <c>df</c> reports its filesystem).</summary>
    public static Task BindAsync(string source, string point, CancellationToken cancellationToken) =>
        ProcessRunner.RunCheckedAsync("mount", ["--bind", source, point], cancellationToken: cancellationToken);

    /// <summary>Unmounts <paramref name="point"/> if it is a mount point; a busy one is detached lazily (it goes when its last user does).</summary>
    public static async Task UnmountAsync(string point, CancellationToken cancellationToken)
    {
        if (!IsMountPoint(point)) return;
        var result = await ProcessRunner.RunAsync("umount", [point], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded) await ProcessRunner.RunCheckedAsync("umount", ["--lazy", point], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // mountinfo escapes space, tab, newline and backslash as \ooo octal.
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal)) return field;
        var text = new StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field.AsSpan(i + 1, 3)))
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsOctal(ReadOnlySpan<char> digits) => digits.Length == 3 && digits[0] is >= '0' and <= '7' && digits[1] is >= '0' and <= '7' && digits[2] is >= '0' and <= '7';
}
