namespace Fixxit.Cryptography;

/// <summary>URL-safe base64 with padding, as Fernet uses it; strict about the alphabet.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).Replace('+', '-').Replace('/', '_');

    /// <summary>Null when the text holds a character outside base64url or is not valid base64.</summary>
    public static byte[]? Decode(string text)
    {
        var trimmed = text.Trim();
        foreach (var c in trimmed)
        {
            var ok = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '=';
            if (!ok) return null;
        }

        var standard = trimmed.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(standard);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
