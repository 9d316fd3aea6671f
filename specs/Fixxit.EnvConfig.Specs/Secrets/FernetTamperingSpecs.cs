using System.Buffers.Binary;
using Fixxit.Cryptography;

namespace Fixxit.EnvConfig.Specs.Secrets;

/// <summary>Every kind of damage to a token is refused with a FernetException (never another exception type).</summary>
public sealed class FernetTamperingSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FernetKey Key = FernetKey.Generate();

    private static string Token(string plaintext = "stored log-source password") =>
        Fernet.Encrypt(Key, System.Text.Encoding.UTF8.GetBytes(plaintext), Now, new byte[16]);

    private static byte[] Bytes(string token) => Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/'));

    private static string Text(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');

    private static void ShouldBeRefused(string token, string reason, FernetKey? key = null)
    {
        var act = () => Fernet.Decrypt(key ?? Key, token, TimeSpan.FromHours(1), Now);
        act.Should().Throw<FernetException>().WithMessage($"*{reason}*");
    }

    [Test]
    public void The_untampered_token_decrypts() =>
        Fernet.DecryptString(Key, Fernet.EncryptString(Key, "stored log-source password")).Should().Be("stored log-source password");

    [TestCase(0, "version", TestName = "version byte")]
    [TestCase(8, "signature", TestName = "timestamp byte (one second off)")]
    [TestCase(12, "signature", TestName = "IV byte")]
    [TestCase(30, "signature", TestName = "ciphertext byte")]
    [TestCase(-1, "signature", TestName = "last MAC byte")]
    public void A_flipped_bit_anywhere_is_refused(int index, string reason)
    {
        var bytes = Bytes(Token());
        bytes[index < 0 ? bytes.Length + index : index] ^= 0x01;
        ShouldBeRefused(Text(bytes), reason);
    }

    [Test]
    public void A_token_made_with_another_key_is_refused()
    {
        var other = FernetKey.Generate();
        ShouldBeRefused(Token(), "signature", other);
        Fernet.CanDecrypt(other, Fernet.EncryptString(Key, "x")).Should().BeFalse();
        Fernet.CanDecrypt(Key, Fernet.EncryptString(Key, "x")).Should().BeTrue();
    }

    [TestCase(1, TestName = "one byte short")]
    [TestCase(16, TestName = "one block short")]
    [TestCase(33, TestName = "MAC cut off")]
    public void A_truncated_token_is_refused(int cut)
    {
        var bytes = Bytes(Token());
        ShouldBeRefused(Text(bytes[..^cut]), cut == 16 ? "signature" : cut == 33 ? "" : "block size");
    }

    [TestCase("%", TestName = "percent sign")]
    [TestCase("+", TestName = "standard-alphabet plus")]
    [TestCase(" ", TestName = "inner space")]
    [TestCase("=", TestName = "padding inside the text")]
    public void A_character_outside_base64url_is_refused(string bad)
    {
        var token = Token();
        ShouldBeRefused(token[..20] + bad + token[21..], bad == "=" ? "" : "base64");
    }

    [Test]
    public void An_empty_token_is_refused() => ShouldBeRefused("", "");

    [Test]
    public void A_timestamp_more_than_a_minute_ahead_is_refused_and_one_within_is_accepted()
    {
        var ahead = Fernet.Encrypt(Key, "x"u8, Now.AddSeconds(61), new byte[16]);
        ShouldBeRefused(ahead, "future");
        var withinSkew = Fernet.Encrypt(Key, "x"u8, Now.AddSeconds(60), new byte[16]);
        Fernet.Decrypt(Key, withinSkew, TimeSpan.FromHours(1), Now).Should().Equal("x"u8.ToArray());
    }

    [TestCase(ulong.MaxValue, TestName = "the largest u64 timestamp")]
    [TestCase(253402300800UL, TestName = "just past year 9999")]
    public void An_absurd_timestamp_is_refused_as_future_not_crashing(ulong seconds)
    {
        var bytes = Bytes(Token());
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(1, 8), seconds);
        var act = () => Fernet.Decrypt(Key, Text(bytes), TimeSpan.MaxValue, Now);
        act.Should().Throw<FernetException>();
    }

    [Test]
    public void An_expiry_is_judged_in_whole_seconds_like_python()
    {
        // Python compares int(time.time()); 60.9 s after creation a 60 s TTL has not expired yet.
        var token = Token();
        FluentActions.Invoking(() => Fernet.Decrypt(Key, token, TimeSpan.FromSeconds(60), Now.AddSeconds(60.9))).Should().NotThrow();
        FluentActions.Invoking(() => Fernet.Decrypt(Key, token, TimeSpan.FromSeconds(60), Now.AddSeconds(61))).Should().Throw<FernetException>();
    }

    [Test]
    public void Two_encryptions_of_the_same_text_differ_but_both_decrypt()
    {
        var a = Fernet.EncryptString(Key, "same");
        var b = Fernet.EncryptString(Key, "same");
        a.Should().NotBe(b);
        Fernet.DecryptString(Key, a).Should().Be(Fernet.DecryptString(Key, b));
    }
}
