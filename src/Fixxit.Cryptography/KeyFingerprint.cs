using System.Security.Cryptography;
using System.Text;

namespace Fixxit.Cryptography;

/// <summary>
/// A short, one-way name for a secret: <c>sha256:</c> and the first 12 hex digits of SHA-256 of its text. Enough to
/// prove two environments share a key (or not) in logs and reports without revealing it.
/// </summary>
public static class KeyFingerprint
{
    public const string Prefix = "sha256:";

    public static string Of(string secret)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim()));
        return Prefix + Convert.ToHexString(hash, 0, 6).ToLowerInvariant();
    }

    /// <summary>Fingerprint of a Fernet key in either text form, else of the raw text.</summary>
    public static string OfKeyText(string text) =>
        FernetKey.TryParse(text, out var key) ? key.Fingerprint : Of(text);
}
