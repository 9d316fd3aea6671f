using System.Text;
using System.Text.Json;
using Fixxit.Cryptography;
using Fixxit.EnvConfig.Specs.Fixtures;

namespace Fixxit.EnvConfig.Specs.Secrets;

/// <summary>
/// Our Fernet against Python's <c>cryptography</c> (the library the fork itself uses): Python's committed tokens decrypt
/// here, and tokens made here decrypt in Python.
/// </summary>
public sealed class FernetPythonInteropSpecs
{
    private static readonly PythonFernetFixtures Fixtures = FixtureFiles.PythonFernet;

    public static IEnumerable<PythonFernetToken> PythonTokens() => Fixtures.Tokens;

    private static DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeSeconds(Fixtures.CreatedAt);

    [Test]
    public void The_fixture_file_is_labelled_test_only_and_covers_the_cases() =>
        Fixtures.Should().Match<PythonFernetFixtures>(f => f.Warning.Contains("TEST-ONLY")
            && f.Tokens.Any(t => t.Plaintext.Length == 0) && f.Tokens.Any(t => t.Plaintext.Length == 1024)
            && f.Tokens.Any(t => t.Description == "unicode"));

    [TestCaseSource(nameof(PythonTokens))]
    public void A_python_token_decrypts_to_its_plaintext(PythonFernetToken token)
    {
        var key = FernetKey.Parse(Fixtures.Key(token.Key).Canonical);
        Fernet.Decrypt(key, token.Token, TimeSpan.FromMinutes(5), CreatedAt.AddMinutes(1)).Should().Equal(token.Plaintext);
    }

    [TestCaseSource(nameof(PythonTokens))]
    public void A_python_token_decrypts_with_the_plan_style_wrapped_key_too(PythonFernetToken token)
    {
        var key = FernetKey.Parse(Fixtures.Key(token.Key).Base64Wrapped);
        key.Form.Should().Be(FernetKeyForm.Base64Wrapped);
        Fernet.Decrypt(key, token.Token).Should().Equal(token.Plaintext);
    }

    [TestCaseSource(nameof(PythonTokens))]
    public void A_python_token_is_refused_with_the_other_key(PythonFernetToken token)
    {
        var wrong = FernetKey.Parse(Fixtures.Keys.First(k => k.Name != token.Key).Canonical);
        Fernet.CanDecrypt(wrong, token.Token).Should().BeFalse();
    }

    [Test]
    public void Python_tokens_honour_ttl_and_clock_skew_the_same_way()
    {
        var token = Fixtures.Tokens[1];
        var key = FernetKey.Parse(Fixtures.Key(token.Key).Canonical);
        FluentActions.Invoking(() => Fernet.Decrypt(key, token.Token, TimeSpan.FromSeconds(60), CreatedAt.AddSeconds(61))).Should().Throw<FernetException>();
        FluentActions.Invoking(() => Fernet.Decrypt(key, token.Token, null, CreatedAt.AddSeconds(-61))).Should().Throw<FernetException>();
    }

    [Test]
    public void Tokens_made_here_decrypt_in_python()
    {
        Python.Require("cryptography");
        var key = FernetKey.Generate();
        string[] plaintexts = ["", "hello", "pässwörd ✓ 🔑", new string('x', 1024), "0123456789abcdef"];
        var tokens = plaintexts.Select(p => Fernet.EncryptString(key, p)).ToList();
        tokens.Add(Fernet.Encrypt(key, "fixed time and iv"u8, DateTimeOffset.UtcNow, new byte[16]));
        const string script =
            "import sys, json\n" +
            "from cryptography.fernet import Fernet\n" +
            "req = json.load(sys.stdin)\n" +
            "f = Fernet(req['key'].encode())\n" +
            "print(json.dumps([f.decrypt(t.encode(), ttl=600).decode('utf-8') for t in req['tokens']]))\n";
        var request = JsonSerializer.Serialize(new { key = key.ToCanonicalString(), tokens });
        var decrypted = JsonSerializer.Deserialize<List<string>>(Python.RunOk(script, request))!;
        decrypted.Should().Equal([.. plaintexts, "fixed time and iv"]);
    }

    [Test]
    public void A_tampered_token_made_here_is_refused_by_python_too()
    {
        Python.Require("cryptography");
        var key = FernetKey.Generate();
        var token = Fernet.EncryptString(key, "secret");
        var tampered = token[..30] + (token[30] == 'A' ? 'B' : 'A') + token[31..];
        const string script =
            "import sys, json\n" +
            "from cryptography.fernet import Fernet, InvalidToken\n" +
            "req = json.load(sys.stdin)\n" +
            "try:\n    Fernet(req['key'].encode()).decrypt(req['token'].encode()); print('accepted')\n" +
            "except InvalidToken:\n    print('refused')\n";
        Python.RunOk(script, JsonSerializer.Serialize(new { key = key.ToCanonicalString(), token = tampered })).Trim().Should().Be("refused");
        Fernet.CanDecrypt(key, tampered).Should().BeFalse();
    }
}
