using System.IO.Compression;
using System.Text;
using Fixxit.Masking;

namespace Fixxit.Evidence.Traces;

/// <summary>
/// Turns a raw Playwright trace (a zip written to the private scratch folder) into one that may sit in a report
/// folder. A trace records every request and response, what was typed and the DOM with its input values, so masking
/// the registered secrets is not enough (a session cookie or a response body holds values nobody registered):
/// <list type="bullet">
/// <item>network: sensitive headers, cookies, request bodies and non-static response bodies are removed
/// (<see cref="TraceNetworkMasking"/>);</item>
/// <item>actions and DOM snapshots: typed values, init scripts and form-field values are removed, screencast frames
/// dropped (pixels cannot be searched) (<see cref="TraceActionMasking"/>);</item>
/// <item>then every text entry goes through the shared secret masker.</item>
/// </list>
/// </summary>
public static class TraceMasking
{
    private static readonly string[] TextExtensions = [".trace", ".network", ".json", ".txt", ".html", ".htm", ".css", ".js", ".stacks", ".svg", ".xml"];

    /// <summary>Writes the masked copy of <paramref name="rawZip"/> to <paramref name="maskedZip"/> (created, never updated in place).</summary>
    public static void WriteMasked(string rawZip, string maskedZip)
    {
        using var input = ZipFile.OpenRead(rawZip);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var rewritten = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in input.Entries)
        {
            if (entry.FullName.EndsWith(".network", StringComparison.Ordinal))
                rewritten[entry.FullName] = TraceNetworkMasking.Mask(ReadText(entry), dropped);
            else if (entry.FullName.EndsWith(".trace", StringComparison.Ordinal))
                rewritten[entry.FullName] = TraceActionMasking.Mask(ReadText(entry), dropped);
        }

        var temporary = maskedZip + ".partial";
        using (var output = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            foreach (var entry in input.Entries)
            {
                if (dropped.Contains(entry.FullName)) continue;
                if (rewritten.TryGetValue(entry.FullName, out var text))
                {
                    Write(output, entry.FullName, Encoding.UTF8.GetBytes(SecretMasker.Shared.Mask(text)));
                    continue;
                }

                var bytes = ReadBytes(entry);
                Write(output, entry.FullName, IsText(entry.FullName, bytes) ? Encoding.UTF8.GetBytes(SecretMasker.Shared.Mask(Encoding.UTF8.GetString(bytes))) : bytes);
            }
        }

        File.Move(temporary, maskedZip, overwrite: true);
    }

    private static bool IsText(string name, byte[] bytes) =>
        (TextExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || !name.StartsWith("resources/", StringComparison.Ordinal))
        && !bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).Contains((byte)0);

    private static string ReadText(ZipArchiveEntry entry) => Encoding.UTF8.GetString(ReadBytes(entry));

    private static byte[] ReadBytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void Write(ZipArchive archive, string name, byte[] bytes)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(bytes);
    }
}
