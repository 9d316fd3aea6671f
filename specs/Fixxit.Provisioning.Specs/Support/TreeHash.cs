using System.Security.Cryptography;
using System.Text;

namespace Fixxit.Provisioning.Specs.Support;

/// <summary>
/// SHA-256 over every file of a tree (relative path, Unix mode, content; symlink targets), in path order. Paths the
/// running app itself writes (its logs, its live SQLite files) can be left out: the hash is about what a deploy could write.
/// </summary>
public static class TreeHash
{
    public static string Of(string root, params string[] skipPrefixes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                     .Select(p => Path.GetRelativePath(root, p)).Order(StringComparer.Ordinal))
        {
            if (skipPrefixes.Any(s => path.StartsWith(s, StringComparison.Ordinal))) continue;
            var full = Path.Combine(root, path);
            var info = new FileInfo(full);
            sha.AppendData(Encoding.UTF8.GetBytes($"{path}\0{(OperatingSystem.IsWindows() ? 0 : (int)File.GetUnixFileMode(full))}\0"));
            if (info.LinkTarget is { } target) sha.AppendData(Encoding.UTF8.GetBytes("link:" + target));
            else if (!info.Attributes.HasFlag(FileAttributes.Directory)) sha.AppendData(File.ReadAllBytes(full));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>The dev tree without what the running dev app writes itself (logs, the live DB files).</summary>
    public static string OfDev(string devDirectory) => Of(devDirectory, "logs/", "backend/data/webui.db");

    /// <summary>Prod's code as a release holds it: no logs, deps, venv or live DB.</summary>
    public static string OfCode(string directory) =>
        Of(directory, "logs", "node_modules", "backend/venv", "backend/data/webui.db", "backend/data/.fixxit-");
}
