namespace Fixxit.Cryptography;

/// <summary>
/// A Fernet key: 32 bytes, signing half then encryption half, written as base64url. The plan's
/// <c>DATABASE_PASSWORD_ENCRYPTION_KEY</c> is that text base64-encoded once more; <see cref="Parse"/> accepts both
/// and says which form it found.
/// </summary>
public sealed class FernetKey
{
    private readonly byte[] _bytes;

    private FernetKey(byte[] bytes, FernetKeyForm form)
    {
        _bytes = bytes;
        Form = form;
    }

    /// <summary>Which text form the key was given in.</summary>
    public FernetKeyForm Form { get; }

    internal ReadOnlySpan<byte> SigningKey => _bytes.AsSpan(0, 16);

    internal ReadOnlySpan<byte> EncryptionKey => _bytes.AsSpan(16, 16);

    /// <summary>The canonical text form (base64url of the 32 bytes), as Python's <c>Fernet.generate_key()</c> writes it.</summary>
    public string ToCanonicalString() => Base64Url.Encode(_bytes);

    /// <summary>Short fingerprint of the canonical key: the same key in either form has the same fingerprint.</summary>
    public string Fingerprint => KeyFingerprint.Of(ToCanonicalString());

    public static FernetKey Generate() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), FernetKeyForm.Canonical);

    /// <exception cref="FormatException">Neither form; the message never repeats the text.</exception>
    public static FernetKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException(
            $"not a Fernet key: expected 44 characters of base64url (32 bytes), or that text base64-encoded; got {text?.Trim().Length ?? 0} characters");

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FernetKey? key)
    {
        key = FernetKeyText.TryDecode(text, out var bytes, out var wrapped)
            ? new FernetKey(bytes, wrapped ? FernetKeyForm.Base64Wrapped : FernetKeyForm.Canonical)
            : null;
        return key is not null;
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"FernetKey({Fingerprint}, {Form})";
}

/// <summary>The text form a <see cref="FernetKey"/> was found in.</summary>
public enum FernetKeyForm
{
    /// <summary>base64url of 32 bytes (44 characters ending in '=').</summary>
    Canonical,

    /// <summary>The canonical text, base64-encoded again (the plan's form).</summary>
    Base64Wrapped,
}
