using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fixxit.Sandbox.Backend.Auth;

/// <summary>
/// Upstream's session tokens: HS256 JWTs signed with WEBUI_SECRET_KEY, payload <c>{"id", "exp"?, "jti"}</c>. Written
/// on the BCL (HMACSHA256): the format is three base64url parts and nothing else is needed.
/// </summary>
public sealed class JwtTokens(string secretKey)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(secretKey);

    public string Create(string userId, DateTimeOffset? expiresAt)
    {
        var payload = new JsonObject { ["id"] = userId };
        if (expiresAt is { } exp) payload["exp"] = exp.ToUnixTimeSeconds();
        payload["jti"] = Guid.NewGuid().ToString();
        var header = Encode(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
        var body = Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = Encode(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{header}.{body}")));
        return $"{header}.{body}.{signature}";
    }

    /// <returns>The user id of a well-formed, correctly signed, unexpired HS256 token; otherwise null.</returns>
    public string? Validate(string token, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        var actual = Decode(parts[2]);
        if (actual is null || !CryptographicOperations.FixedTimeEquals(expected, actual)) return null;
        try
        {
            var header = JsonNode.Parse(Decode(parts[0]) ?? [])?.AsObject();
            if (header?["alg"]?.GetValue<string>() != "HS256") return null;
            var payload = JsonNode.Parse(Decode(parts[1]) ?? [])?.AsObject();
            if (payload?["exp"] is JsonValue exp && exp.GetValue<long>() < now.ToUnixTimeSeconds()) return null;
            return payload?["id"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The <c>exp</c> claim of a token already validated, or null when it has none.</summary>
    public static DateTimeOffset? ExpiresAt(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        var payload = JsonNode.Parse(Decode(parts[1]) ?? []) as JsonObject;
        return payload?["exp"] is JsonValue exp && exp.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? Decode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
