using System.Collections.Concurrent;
using Fixxit.Cryptography;

namespace Fixxit.Masking;

/// <summary>
/// Replaces every registered secret value with a mask in text bound for any output (console, logs, TRX, report,
/// traces). Secrets are registered the moment they are read or generated; one process-wide instance is shared.
/// </summary>
public sealed class SecretMasker
{
    /// <summary>Values shorter than this are not registered: masking "1" everywhere would destroy output.</summary>
    public const int MinimumLength = 6;

    public static SecretMasker Shared { get; } = new();

    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);

    /// <summary>Registers a secret (and its common encodings) under a label shown instead of it.</summary>
    public void Register(string? secret, string label = "secret")
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumLength) return;
        var mask = $"***{label}***";
        _secrets[secret] = mask;
        _secrets.TryAdd(Uri.EscapeDataString(secret), mask);
        _secrets.TryAdd(System.Text.Json.JsonEncodedText.Encode(secret).ToString(), mask);
        if (FernetKeyText.TryDecode(secret, out var keyBytes, out _))
        {
            // A key is read in one form and may be printed in the other (the plan wraps it in base64 once more).
            var canonical = Base64Url.Encode(keyBytes);
            _secrets.TryAdd(canonical, mask);
            _secrets.TryAdd(Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(canonical)), mask);
        }
    }

    public int Count => _secrets.Count;

    /// <summary>The text with every registered secret replaced, longest first so a secret inside another is covered.</summary>
    public string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text) || _secrets.IsEmpty) return text ?? string.Empty;
        foreach (var (secret, mask) in _secrets.OrderByDescending(p => p.Key.Length))
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, mask, StringComparison.Ordinal);
        }

        return text;
    }
}
