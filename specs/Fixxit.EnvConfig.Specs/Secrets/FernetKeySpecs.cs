using System.Text;
using Fixxit.Cryptography;
using Fixxit.EnvConfig.Specs.Fixtures;

namespace Fixxit.EnvConfig.Specs.Secrets;

/// <summary>Both text forms of a key are accepted, told apart, and fingerprint the same; nothing prints the key.</summary>
public sealed class FernetKeySpecs
{
    private static readonly PythonFernetKey Primary = FixtureFiles.PythonFernet.Key("primary");

    [Test]
    public void The_canonical_form_is_recognised() =>
        FernetKey.Parse(Primary.Canonical).Should().Match<FernetKey>(k => k.Form == FernetKeyForm.Canonical && k.ToCanonicalString() == Primary.Canonical);

    [Test]
    public void The_plans_base64_wrapped_form_is_recognised_and_unwrapped() =>
        FernetKey.Parse(Primary.Base64Wrapped).Should().Match<FernetKey>(k => k.Form == FernetKeyForm.Base64Wrapped && k.ToCanonicalString() == Primary.Canonical);

    [TestCase("\"{0}\"", TestName = "double-quoted")]
    [TestCase("'{0}'", TestName = "single-quoted")]
    [TestCase("  {0}\n", TestName = "surrounding blanks and newline")]
    public void Quotes_and_blanks_around_a_key_are_tolerated(string shape) =>
        FernetKey.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Primary.Canonical)).ToCanonicalString().Should().Be(Primary.Canonical);

    [Test]
    public void A_wrapped_key_made_with_echo_and_a_trailing_newline_is_recognised()
    {
        var wrapped = Convert.ToBase64String(Encoding.ASCII.GetBytes(Primary.Canonical + "\n"));
        FernetKey.Parse(wrapped).Should().Match<FernetKey>(k => k.Form == FernetKeyForm.Base64Wrapped && k.ToCanonicalString() == Primary.Canonical);
    }

    [Test]
    public void Fingerprints_are_equal_across_forms_and_differ_between_keys()
    {
        var canonical = FernetKey.Parse(Primary.Canonical).Fingerprint;
        canonical.Should().MatchRegex("^sha256:[0-9a-f]{12}$");
        FernetKey.Parse(Primary.Base64Wrapped).Fingerprint.Should().Be(canonical);
        KeyFingerprint.OfKeyText(Primary.Base64Wrapped).Should().Be(canonical);
        KeyFingerprint.OfKeyText($"\"{Primary.Canonical}\"").Should().Be(canonical);
        FernetKey.Parse(FixtureFiles.PythonFernet.Key("other").Canonical).Fingerprint.Should().NotBe(canonical);
    }

    [Test]
    public void A_fingerprint_of_non_key_text_is_still_stable_and_short()
    {
        KeyFingerprint.OfKeyText("t0p-s3cr3t").Should().Be(KeyFingerprint.Of("t0p-s3cr3t")).And.HaveLength(19);
        KeyFingerprint.Of("a").Should().NotBe(KeyFingerprint.Of("b"));
    }

    [TestCase("", TestName = "empty")]
    [TestCase("not a key at all", TestName = "prose")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAA==", TestName = "16 bytes")]
    [TestCase("c2hvcnQ=", TestName = "base64 of short text")]
    public void Text_that_is_no_key_is_refused_without_echoing_it(string text)
    {
        FernetKey.TryParse(text, out _).Should().BeFalse();
        var act = () => FernetKey.Parse(text);
        var message = act.Should().Throw<FormatException>().Which.Message;
        if (text.Length > 0) message.Should().NotContain(text);
    }

    [Test]
    public void A_key_never_prints_itself()
    {
        var key = FernetKey.Parse(Primary.Base64Wrapped);
        key.ToString().Should().NotContain(Primary.Canonical).And.NotContain(Primary.Base64Wrapped).And.Contain(key.Fingerprint).And.Contain("Base64Wrapped");
    }

    [Test]
    public void Generated_keys_are_canonical_and_distinct()
    {
        var a = FernetKey.Generate();
        a.Form.Should().Be(FernetKeyForm.Canonical);
        a.ToCanonicalString().Should().HaveLength(44);
        FernetKey.Generate().Fingerprint.Should().NotBe(a.Fingerprint);
    }
}
