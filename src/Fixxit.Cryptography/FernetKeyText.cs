// Shared, as source, with Fixxit.Masking (which must stay dependency-free yet mask a key in both of its text forms).
namespace Fixxit.Cryptography;

/// <summary>The two text forms of a Fernet key: base64url of 32 bytes, or that text base64-encoded once more (the plan's).</summary>
internal static class FernetKeyText
{
    /// <summary>The key's 32 bytes and whether the text was the wrapped form; false when the text is neither form.</summary>
    public static bool TryDecode(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes, out bool wrapped)
    {
        bytes = null;
        wrapped = false;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim().Trim('"', '\'');
        if (Base64Url.Decode(trimmed) is { Length: 32 } direct)
        {
            bytes = direct;
            return true;
        }

        if (Base64Url.Decode(trimmed) is { } outer && System.Text.Encoding.ASCII.GetString(outer) is var inner
            && Base64Url.Decode(inner) is { Length: 32 } inside)
        {
            bytes = inside;
            wrapped = true;
            return true;
        }

        return false;
    }
}
