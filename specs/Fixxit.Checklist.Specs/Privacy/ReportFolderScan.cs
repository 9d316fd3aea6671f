using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Fixxit.Checklist.Specs.Privacy;

/// <summary>
/// Searches every byte of every file under a folder, zips opened (nested ones too), for secret values in the encodings
/// a report can hold them in (UTF-8, UTF-16, JSON- and URL-escaped, base64 at each alignment, as in an embedded
/// attachment), for session tokens nobody registered (JWT-shaped strings), and for SQLite databases (by name and by the
/// file header). Returns one finding per hit, naming the file (and the zip entry) and what was found, never the value.
/// </summary>
public static partial class ReportFolderScan
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private static readonly string[] DatabaseSuffixes = [".db", ".db-wal", ".db-shm", ".sqlite", ".sqlite3", "-journal"];

    public static IReadOnlyList<string> Folder(string folder, IReadOnlyList<KnownSecret> secrets)
    {
        var patterns = Patterns(secrets);
        var findings = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            Content(Path.GetRelativePath(folder, file), File.ReadAllBytes(file), patterns, findings);
        }

        return findings;
    }

    /// <summary>Findings in a text that is not a file (the console of a run).</summary>
    public static IReadOnlyList<string> Text(string name, string text, IReadOnlyList<KnownSecret> secrets)
    {
        var findings = new List<string>();
        Content(name, Encoding.UTF8.GetBytes(text), Patterns(secrets), findings);
        return findings;
    }

    private static void Content(string name, byte[] bytes, IReadOnlyList<(string Label, byte[] Bytes)> patterns, List<string> findings)
    {
        if (DatabaseSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase))) findings.Add($"{name}: a database file by its name");
        if (bytes.AsSpan().StartsWith(SqliteHeader)) findings.Add($"{name}: a SQLite database (file header)");
        foreach (var (label, pattern) in patterns)
        {
            if (bytes.AsSpan().IndexOf(pattern) >= 0) findings.Add($"{name}: {label}");
        }

        var latin = Encoding.Latin1.GetString(bytes);
        if (Jwt().Match(latin) is { Success: true } jwt) findings.Add($"{name}: a JWT-shaped session token ({jwt.Value[..12]}…)");
        if (IsZip(bytes))
        {
            try
            {
                using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
                foreach (var entry in archive.Entries.Where(e => e.Length > 0 || e.CompressedLength > 0))
                {
                    using var stream = entry.Open();
                    using var buffer = new MemoryStream();
                    stream.CopyTo(buffer);
                    Content($"{name}!{entry.FullName}", buffer.ToArray(), patterns, findings);
                }
            }
            catch (InvalidDataException)
            {
                findings.Add($"{name}: looks like a zip but cannot be opened, so it cannot be proven clean");
            }
        }
    }

    private static bool IsZip(byte[] bytes) => bytes.Length > 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && bytes[2] == 3 && bytes[3] == 4;

    private static List<(string Label, byte[] Bytes)> Patterns(IReadOnlyList<KnownSecret> secrets)
    {
        var patterns = new List<(string, byte[])>();
        foreach (var secret in secrets)
        {
            var forms = new HashSet<string>(StringComparer.Ordinal)
            {
                secret.Value, Uri.EscapeDataString(secret.Value), System.Text.Json.JsonEncodedText.Encode(secret.Value).ToString(),
            };
            forms.UnionWith(Base64Forms(secret.Value));
            foreach (var form in forms.Where(f => f.Length >= 6))
            {
                patterns.Add((secret.Label, Encoding.UTF8.GetBytes(form)));
            }

            patterns.Add((secret.Label + " (UTF-16)", Encoding.Unicode.GetBytes(secret.Value)));
        }

        return patterns;
    }

    /// <summary>
    /// The secret inside a base64 blob (an embedded attachment) at each of the three byte alignments; only the
    /// characters that depend on the secret alone are kept.
    /// </summary>
    private static IEnumerable<string> Base64Forms(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        for (var shift = 0; shift < 3; shift++)
        {
            var padded = new byte[shift + bytes.Length];
            bytes.CopyTo(padded, shift);
            var encoded = Convert.ToBase64String(padded);
            var skip = shift == 0 ? 0 : ((shift * 8) + 5) / 6 + 1;
            var keep = (padded.Length * 8 / 6) - skip - 1;
            if (keep >= 8) yield return encoded.Substring(skip, keep);
        }
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}")]
    private static partial Regex Jwt();
}
