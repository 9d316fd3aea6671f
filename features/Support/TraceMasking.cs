using System.IO.Compression;
using System.Text;
using Fixxit.Masking;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// A Playwright trace records what was typed and every request, so passwords and tokens would be inside it. Before a
/// trace is kept, every text entry of the zip is rewritten through the shared secret masker.
/// </summary>
public static class TraceMasking
{
    private static readonly string[] TextExtensions = [".trace", ".network", ".json", ".txt", ".html", ".css", ".js", ".stacks"];

    public static void MaskInPlace(string zipPath)
    {
        using var archive = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        foreach (var entry in archive.Entries.ToList())
        {
            var name = entry.FullName;
            var isText = TextExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || name.StartsWith("resources/", StringComparison.Ordinal);
            if (!isText) continue;
            byte[] bytes;
            using (var stream = entry.Open())
            using (var buffer = new MemoryStream())
            {
                stream.CopyTo(buffer);
                bytes = buffer.ToArray();
            }

            if (!LooksLikeText(bytes)) continue;
            var text = Encoding.UTF8.GetString(bytes);
            var masked = SecretMasker.Shared.Mask(text);
            if (ReferenceEquals(text, masked) || text == masked) continue;
            entry.Delete();
            var replacement = archive.CreateEntry(name, CompressionLevel.Fastest);
            using var output = replacement.Open();
            output.Write(Encoding.UTF8.GetBytes(masked));
        }
    }

    private static bool LooksLikeText(byte[] bytes) => !bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).Contains((byte)0);
}
