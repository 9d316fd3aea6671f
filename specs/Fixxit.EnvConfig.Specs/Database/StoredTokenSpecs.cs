using Fixxit.Cryptography;
using Fixxit.EnvConfig.Specs.Fixtures;
using Fixxit.OpenWebUi.Database;

namespace Fixxit.EnvConfig.Specs.Database;

/// <summary>Proving every stored log-source password decrypts with a key — the "Failed to decrypt password" check.</summary>
public sealed class StoredTokenSpecs : TempFolderSpecs
{
    private static readonly FernetKey DevKey = FernetKey.Generate();

    [Test]
    public void Stored_tokens_are_listed_by_row_skipping_empty_values()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), logSourceKey: DevKey, logSources: 3);
        using (var app = OpenWebUiTestDatabase.Connect(path))
        {
            OpenWebUiTestDatabase.Execute(app, "INSERT INTO log_source VALUES ('no-pw', 'n', NULL, NULL, NULL)");
            OpenWebUiTestDatabase.Execute(app, "INSERT INTO log_source VALUES ('empty-pw', 'n', NULL, NULL, '')");
        }

        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        var tokens = db.ReadTokens("log_source", "password_encrypted");
        tokens.Select(t => t.Row).Should().Equal("id=src-0", "id=src-1", "id=src-2");
        Fernet.DecryptString(DevKey, tokens[2].Token).Should().Be("log-source-password-2");
        tokens[0].ToString().Should().NotContain(tokens[0].Token);
    }

    [Test]
    public void With_the_right_key_every_token_decrypts()
    {
        using var db = OpenWebUiDatabase.OpenReadOnly(OpenWebUiTestDatabase.Create(PathIn("webui.db"), logSourceKey: DevKey, logSources: 3));
        var report = db.VerifyTokens("log_source", "password_encrypted", FernetKey.Parse(Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(DevKey.ToCanonicalString()))));
        report.Should().Match<TokenDecryptionReport>(r => r.AllDecrypt && r.Total == 3 && r.KeyFingerprint == DevKey.Fingerprint);
        report.ToString().Should().Contain("all 3");
    }

    [Test]
    public void With_a_different_key_every_failing_row_is_named()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), logSourceKey: DevKey, logSources: 2);
        var prodKey = FernetKey.Generate();
        using (var app = OpenWebUiTestDatabase.Connect(path))
            OpenWebUiTestDatabase.Execute(app, "INSERT INTO log_source VALUES ('added-on-prod', 'n', NULL, NULL, $p)", ("$p", Fernet.EncryptString(prodKey, "pw")));

        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        var report = db.VerifyTokens("log_source", "password_encrypted", prodKey);
        report.AllDecrypt.Should().BeFalse();
        report.FailedRows.Should().Equal("id=src-0", "id=src-1");
        report.ToString().Should().Contain("2 of 3").And.Contain("Failed to decrypt password").And.Contain(prodKey.Fingerprint).And.NotContain(prodKey.ToCanonicalString());
    }

    [Test]
    public void A_table_without_an_id_column_names_rows_by_rowid()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"));
        using (var app = OpenWebUiTestDatabase.Connect(path))
        {
            OpenWebUiTestDatabase.Execute(app, "CREATE TABLE secrets_kv (name TEXT, token TEXT)");
            OpenWebUiTestDatabase.Execute(app, "INSERT INTO secrets_kv VALUES ('a', $t)", ("$t", Fernet.EncryptString(DevKey, "x")));
        }

        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        db.ReadTokens("secrets_kv", "token").Should().ContainSingle().Which.Row.Should().Be("rowid=1");
    }

    [TestCase("log_source", "password", "has no column 'password'")]
    [TestCase("log_sources", "password_encrypted", "has no table 'log_sources'")]
    public void A_missing_table_or_column_is_named(string table, string column, string expected)
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"));
        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        FluentActions.Invoking(() => db.ReadTokens(table, column)).Should().Throw<OpenWebUiDatabaseException>().WithMessage($"{path}: *{expected}*");
    }
}
