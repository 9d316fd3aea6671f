using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Fixxit.Cryptography;

/// <summary>
/// Fernet tokens (https://github.com/fernet/spec), as the fork uses them to store log-source passwords.
/// Written by hand on System.Security.Cryptography because the package feed serves no Fernet library; checked
/// against tokens made by Python's <c>cryptography</c> package (specs/Fixxit.EnvConfig.Specs/Fixtures).
/// </summary>
public static class Fernet
{
    private const byte Version = 0x80;
    private const int HeaderLength = 1 + 8 + 16;
    private const int MacLength = 32;

    /// <summary>Python's <c>cryptography</c> refuses tokens stamped more than this far in the future.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>Encrypts <paramref name="plaintext"/> with a random IV and the current time.</summary>
    public static string Encrypt(FernetKey key, ReadOnlySpan<byte> plaintext) =>
        Encrypt(key, plaintext, DateTimeOffset.UtcNow, RandomNumberGenerator.GetBytes(16));

    /// <summary>Deterministic form, for the spec's generation vectors.</summary>
    public static string Encrypt(FernetKey key, ReadOnlySpan<byte> plaintext, DateTimeOffset now, ReadOnlySpan<byte> iv)
    {
        if (iv.Length != 16) throw new ArgumentException("a Fernet IV is 16 bytes", nameof(iv));
        using var aes = Aes.Create();
        aes.Key = key.EncryptionKey.ToArray();
        var cipher = aes.EncryptCbc(plaintext, iv, PaddingMode.PKCS7);

        var token = new byte[HeaderLength + cipher.Length + MacLength];
        token[0] = Version;
        BinaryPrimitives.WriteUInt64BigEndian(token.AsSpan(1, 8), (ulong)now.ToUnixTimeSeconds());
        iv.CopyTo(token.AsSpan(9, 16));
        cipher.CopyTo(token.AsSpan(HeaderLength));
        HMACSHA256.HashData(key.SigningKey, token.AsSpan(0, HeaderLength + cipher.Length), token.AsSpan(HeaderLength + cipher.Length));
        return Base64Url.Encode(token);
    }

    /// <summary>Decrypts a token; with <paramref name="ttl"/> it must not be older than that.</summary>
    /// <exception cref="FernetException">Any defect: the reason is kept for logs, the token never is.</exception>
    public static byte[] Decrypt(FernetKey key, string token, TimeSpan? ttl = null, DateTimeOffset? now = null)
    {
        var current = now ?? DateTimeOffset.UtcNow;
        var data = Base64Url.Decode(token) ?? throw new FernetException("token is not base64url");
        if (data.Length < HeaderLength + 16 + MacLength) throw new FernetException("token is too short");
        if (data[0] != Version) throw new FernetException("unknown token version");
        var cipherLength = data.Length - HeaderLength - MacLength;
        if (cipherLength % 16 != 0) throw new FernetException("payload size is not a multiple of the block size");

        // Whole Unix seconds, as Python compares them (int(time.time())); clamped so no timestamp can overflow.
        var stamped = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(1, 8)), (ulong)long.MaxValue / 4);
        var nowSeconds = current.ToUnixTimeSeconds();
        if (ttl is { } limit && stamped + (long)limit.TotalSeconds < nowSeconds) throw new FernetException("token has expired");
        if (stamped > nowSeconds + (long)MaxClockSkew.TotalSeconds) throw new FernetException("token timestamp is too far in the future");

        Span<byte> mac = stackalloc byte[MacLength];
        HMACSHA256.HashData(key.SigningKey, data.AsSpan(0, data.Length - MacLength), mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, data.AsSpan(data.Length - MacLength)))
            throw new FernetException("signature does not match (wrong key or tampered token)");

        using var aes = Aes.Create();
        aes.Key = key.EncryptionKey.ToArray();
        try
        {
            return aes.DecryptCbc(data.AsSpan(HeaderLength, cipherLength), data.AsSpan(9, 16), PaddingMode.PKCS7);
        }
        catch (CryptographicException)
        {
            throw new FernetException("payload padding is invalid");
        }
    }

    /// <summary>UTF-8 convenience over <see cref="Decrypt"/>.</summary>
    public static string DecryptString(FernetKey key, string token, TimeSpan? ttl = null) =>
        System.Text.Encoding.UTF8.GetString(Decrypt(key, token, ttl));

    /// <summary>UTF-8 convenience over <see cref="Encrypt(FernetKey, ReadOnlySpan{byte})"/>.</summary>
    public static string EncryptString(FernetKey key, string plaintext) =>
        Encrypt(key, System.Text.Encoding.UTF8.GetBytes(plaintext));

    /// <summary>True when the token decrypts with the key; never throws.</summary>
    public static bool CanDecrypt(FernetKey key, string token)
    {
        try
        {
            Decrypt(key, token);
            return true;
        }
        catch (FernetException)
        {
            return false;
        }
    }
}
