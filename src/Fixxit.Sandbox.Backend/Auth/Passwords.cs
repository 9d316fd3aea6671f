using System.Text;

namespace Fixxit.Sandbox.Backend.Auth;

/// <summary>bcrypt, as upstream (<c>bcrypt.hashpw</c>, <c>$2b$</c>, 12 rounds by default); passwords over 72 bytes are refused on signup.</summary>
public static class Passwords
{
    public const int DefaultWorkFactor = 12;
    public const int MaxBytes = 72;

    public static string Hash(string password, int workFactor = DefaultWorkFactor) =>
        BCrypt.Net.BCrypt.HashPassword(password, BCrypt.Net.BCrypt.GenerateSalt(workFactor, 'b'));

    /// <summary>Signin truncates to 72 bytes like 0.6.4x; a malformed stored hash never verifies.</summary>
    public static bool Verify(string password, string hash)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(password);
            var truncated = bytes.Length > MaxBytes ? Encoding.UTF8.GetString(bytes, 0, MaxBytes) : password;
            return BCrypt.Net.BCrypt.Verify(truncated, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }

    public static bool TooLong(string password) => Encoding.UTF8.GetByteCount(password) > MaxBytes;
}
