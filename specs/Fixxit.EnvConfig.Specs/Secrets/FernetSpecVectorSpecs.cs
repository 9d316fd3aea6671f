using System.Text;
using Fixxit.Cryptography;
using Fixxit.EnvConfig.Specs.Fixtures;

namespace Fixxit.EnvConfig.Specs.Secrets;

/// <summary>The published fernet/spec vectors: exact generation, verification, and every invalid case refused.</summary>
public sealed class FernetSpecVectorSpecs
{
    private static readonly FernetSpecVectors Vectors = FixtureFiles.SpecVectors;

    private static FernetKey Key => FernetKey.Parse(Vectors.Secret);

    public static IEnumerable<FernetInvalidCase> InvalidCases() => Vectors.Invalid;

    [Test]
    public void The_vectors_are_all_there() =>
        Vectors.Invalid.Select(c => c.Desc).Should().BeEquivalentTo(
            "incorrect mac", "too short", "invalid base64", "payload size not multiple of block size", "payload padding error",
            "far-future TS (unacceptable clock skew)", "expired TTL", "incorrect IV (causes padding error)");

    [Test]
    public void Generation_with_the_spec_time_and_iv_gives_the_spec_token()
    {
        foreach (var c in Vectors.Generate)
            Fernet.Encrypt(Key, Encoding.UTF8.GetBytes(c.Src), c.Now, c.Iv.ToArray()).Should().Be(c.Token);
    }

    [Test]
    public void Verification_at_the_spec_time_gives_the_spec_plaintext()
    {
        foreach (var c in Vectors.Verify)
            Encoding.UTF8.GetString(Fernet.Decrypt(Key, c.Token, TimeSpan.FromSeconds(c.TtlSec), c.Now)).Should().Be(c.Src);
    }

    [TestCaseSource(nameof(InvalidCases))]
    public void Every_invalid_case_is_refused(FernetInvalidCase c)
    {
        var act = () => Fernet.Decrypt(Key, c.Token, TimeSpan.FromSeconds(c.TtlSec), c.Now);
        act.Should().Throw<FernetException>().Which.Message.Should().NotContain(c.Token[10..30]);
    }

    [Test]
    public void The_verify_token_is_refused_once_its_ttl_has_passed_and_accepted_just_before()
    {
        var c = Vectors.Verify[0];
        var stamped = new DateTimeOffset(1985, 10, 26, 8, 20, 0, TimeSpan.Zero);
        c.Now.Should().Be(stamped.AddSeconds(1));
        FluentActions.Invoking(() => Fernet.Decrypt(Key, c.Token, TimeSpan.FromSeconds(60), stamped.AddSeconds(60))).Should().NotThrow();
        FluentActions.Invoking(() => Fernet.Decrypt(Key, c.Token, TimeSpan.FromSeconds(60), stamped.AddSeconds(61)))
            .Should().Throw<FernetException>().WithMessage("*expired*");
    }

    [Test]
    public void Without_a_ttl_an_old_token_still_decrypts() =>
        Fernet.Decrypt(Key, Vectors.Verify[0].Token, ttl: null, now: DateTimeOffset.UtcNow).Should().Equal("hello"u8.ToArray());
}
