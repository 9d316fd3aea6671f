using System.Security.Cryptography;
using Fixxit.EnvConfig.Specs.Fixtures;
using Fixxit.OpenWebUi.Database;

namespace Fixxit.EnvConfig.Specs.Database;

/// <summary>Reading a webui.db read-only: persisted config, row counts, and a file left exactly as it was.</summary>
public sealed class DatabaseReadingSpecs : TempFolderSpecs
{
    [Test]
    public void The_persisted_webui_url_and_signup_flag_are_read()
    {
        using var db = OpenWebUiDatabase.OpenReadOnly(OpenWebUiTestDatabase.Create(PathIn("webui.db")));
        var config = db.ReadConfig()!;
        config.WebuiUrl.Should().Be("https://dev.fixxit.ai");
        config.EnableSignup.Should().BeFalse();
        config.GetString("auth.jwt_expiry").Should().Be("4w");
        config.GetString("openai.api_base_urls[1]").Should().Be("http://localhost:11434/v1");
        config.Get("no.such.path").Should().BeNull();
    }

    [Test]
    public void Every_persisted_url_is_listed_with_its_path()
    {
        using var db = OpenWebUiDatabase.OpenReadOnly(OpenWebUiTestDatabase.Create(PathIn("webui.db")));
        db.ReadConfig()!.Urls().Should().BeEquivalentTo(new[]
        {
            new PersistedUrl("webui.url", "https://dev.fixxit.ai"),
            new PersistedUrl("oauth.redirect_uri", "https://dev.fixxit.ai/oauth/oidc/callback"),
            new PersistedUrl("openai.api_base_urls[0]", "https://api.openai.com/v1"),
            new PersistedUrl("openai.api_base_urls[1]", "http://localhost:11434/v1"),
            new PersistedUrl("webhook.url", "https://dev.fixxit.ai.example.net/hook"),
        });
    }

    [Test]
    public void The_latest_config_row_wins()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"));
        using (var app = OpenWebUiTestDatabase.Connect(path))
            OpenWebUiTestDatabase.Execute(app, "INSERT INTO config (data, version) VALUES ('{\"webui\": {\"url\": \"https://app.fixxit.ai\"}}', 0)");
        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        db.ReadConfig()!.Should().Match<PersistedConfig>(c => c.WebuiUrl == "https://app.fixxit.ai" && c.RowId == 2 && c.EnableSignup == null);
    }

    [Test]
    public void Config_json_stored_as_a_blob_is_read_too()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), configJson: null);
        using (var app = OpenWebUiTestDatabase.Connect(path))
            OpenWebUiTestDatabase.Execute(app, "INSERT INTO config (data, version) VALUES ($d, 0)", ("$d", System.Text.Encoding.UTF8.GetBytes("{\"webui\": {\"url\": \"https://dev.fixxit.ai\"}}")));
        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        db.ReadConfig()!.WebuiUrl.Should().Be("https://dev.fixxit.ai");
    }

    [Test]
    public void An_empty_config_table_means_nothing_is_persisted()
    {
        using var db = OpenWebUiDatabase.OpenReadOnly(OpenWebUiTestDatabase.Create(PathIn("webui.db"), configJson: null));
        db.ReadConfig().Should().BeNull();
    }

    [Test]
    public void Users_groups_and_chats_are_counted()
    {
        using var db = OpenWebUiDatabase.OpenReadOnly(OpenWebUiTestDatabase.Create(PathIn("webui.db"), users: 4, groups: 2, chats: 7));
        db.Counts().Should().Be(new RowCounts(4, 2, 7));
        db.CountRows("auth").Should().Be(4);
        db.Tables().Should().Contain(["user", "auth", "chat", "group", "config", "log_source"]);
    }

    [Test]
    public void Missing_tables_count_as_null_in_the_summary()
    {
        var path = PathIn("bare.db");
        using (var c = OpenWebUiTestDatabase.Connect(path)) OpenWebUiTestDatabase.Execute(c, "CREATE TABLE user (id TEXT)");
        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        db.Counts().Should().Be(new RowCounts(0, null, null));
        db.ReadConfig().Should().BeNull();
    }

    [TestCase("no_such_table")]
    [TestCase("user; DROP TABLE user")]
    [TestCase("user\" ; DROP TABLE \"user")]
    public void Counting_an_unknown_table_is_an_error_and_never_runs_the_name_as_sql(string table)
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"));
        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        var act = () => db.CountRows(table);
        act.Should().Throw<OpenWebUiDatabaseException>().WithMessage($"{path}: has no table*");
        db.CountRows("user").Should().Be(2);
    }

    [Test]
    public void A_table_with_an_awkward_name_is_counted_safely()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"));
        using (var c = OpenWebUiTestDatabase.Connect(path))
        {
            OpenWebUiTestDatabase.Execute(c, "CREATE TABLE \"we\"\"ird name\" (x)");
            OpenWebUiTestDatabase.Execute(c, "INSERT INTO \"we\"\"ird name\" VALUES (1), (2)");
        }

        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        db.CountRows("we\"ird name").Should().Be(2);
    }

    [Test]
    public void Reading_changes_no_byte_of_the_file_and_writing_is_refused()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), logSourceKey: Fixxit.Cryptography.FernetKey.Generate(), logSources: 1);
        var before = SHA256.HashData(File.ReadAllBytes(path));
        using (var db = OpenWebUiDatabase.OpenReadOnly(path))
        {
            db.IsWritable.Should().BeFalse();
            db.ReadConfig();
            db.Counts();
            db.CheckIntegrity();
            db.ReadTokens("log_source", "password_encrypted");
            FluentActions.Invoking(() => db.SetPersistedWebuiUrl("https://app.fixxit.ai")).Should().Throw<InvalidOperationException>().WithMessage("*read-only*");
            FluentActions.Invoking(() => db.RewritePersistedUrlOrigin("https://dev.fixxit.ai", "https://app.fixxit.ai")).Should().Throw<InvalidOperationException>();
        }

        SHA256.HashData(File.ReadAllBytes(path)).Should().Equal(before);
        Directory.GetFiles(Folder).Should().ContainSingle("no journal or lock file is left behind");
    }

    [Test]
    public void A_wal_mode_database_is_read_including_changes_not_yet_checkpointed()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), wal: true);
        using var app = OpenWebUiTestDatabase.Connect(path);
        OpenWebUiTestDatabase.Execute(app, "PRAGMA wal_autocheckpoint=0");
        OpenWebUiTestDatabase.Execute(app, "INSERT INTO chat VALUES ('late', 'u', 't', NULL, 0, 0, 0, '{}')");
        File.Exists(path + "-wal").Should().BeTrue();
        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        db.CountRows("chat").Should().Be(4);
    }

    [Test]
    public void A_wal_mode_database_with_no_other_connection_is_read_without_changing_it()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), wal: true);
        File.Exists(path + "-wal").Should().BeFalse("the builder's connection is closed, so SQLite checkpointed and removed it");
        var before = SHA256.HashData(File.ReadAllBytes(path));
        using (var db = OpenWebUiDatabase.OpenReadOnly(path)) db.Counts().Should().Be(new RowCounts(2, 1, 3));
        SHA256.HashData(File.ReadAllBytes(path)).Should().Equal(before);
        // Like `sqlite3 -readonly`, a read-only reader of a WAL database needs the -shm index, and cannot remove it on close.
        new FileInfo(path + "-wal").Length.Should().Be(0);
    }
}
