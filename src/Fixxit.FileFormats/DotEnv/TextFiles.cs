using System.Text;
using System.Text.Unicode;

namespace Fixxit.FileFormats.DotEnv;

/// <summary>Exact-bytes text file I/O shared by the .env and shell-script documents.</summary>
internal static class TextFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Strict UTF-8; a BOM stays in the text as U+FEFF so it is written back. Null line = fine.</summary>
    public static string ReadUtf8(string path, out int? invalidLine)
    {
        var bytes = File.ReadAllBytes(path);
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        invalidLine = status == System.Buffers.OperationStatus.Done ? null : 1 + bytes.AsSpan(0, read).Count((byte)'\n');
        return new string(chars, 0, written);
    }

    public static byte[] ToBytes(string text) => Utf8NoBom.GetBytes(text);

    /// <summary>
    /// Writes via a temporary file beside the target and a rename, keeping the target's Unix mode (a 600 .env, an
    /// executable start script), so a crash never leaves half a file and permissions survive.
    /// </summary>
    public static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, ToBytes(text));
            if (!OperatingSystem.IsWindows() && File.Exists(full)) File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
