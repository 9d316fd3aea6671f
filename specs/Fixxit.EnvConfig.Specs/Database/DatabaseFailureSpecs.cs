using Fixxit.EnvConfig.Specs.Fixtures;
using Fixxit.OpenWebUi.Database;

namespace Fixxit.EnvConfig.Specs.Database;

/// <summary>Missing, foreign, corrupt and locked files each fail with a message naming the path.</summary>
public sealed class DatabaseFailureSpecs : TempFolderSpecs
{
    [Test]
    public void A_missing_file_is_named()
    {
        var path = PathIn("nope/webui.db");
        FluentActions.Invoking(() => OpenWebUiDatabase.OpenReadOnly(path)).Should().Throw<OpenWebUiDatabaseException>()
            .Which.Should().Match<OpenWebUiDatabaseException>(e => e.DatabasePath == path && e.Message == $"{path}: no such database file");
        File.Exists(path).Should().BeFalse("opening must never create a database");
    }

    [Test]
    public void A_directory_is_not_a_database() =>
        FluentActions.Invoking(() => OpenWebUiDatabase.OpenReadOnly(Folder)).Should().Throw<OpenWebUiDatabaseException>().WithMessage($"{Folder}: is a directory*");

    [Test]
    public void A_file_that_is_not_sqlite_is_reported_as_such()
    {
        var path = PathIn("webui.db");
        File.WriteAllText(path, "this is a text file that someone copied over the database by mistake\n" + new string('x', 4096));
        var error = FluentActions.Invoking(() => OpenWebUiDatabase.OpenReadOnly(path)).Should().Throw<OpenWebUiDatabaseException>().Which;
        error.Message.Should().StartWith(path).And.Contain("not a SQLite database");
        error.SqliteErrorCode.Should().Be(26);
    }

    [Test]
    public void A_damaged_table_page_fails_the_integrity_check_with_details()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), chats: 400);
        var bytes = File.ReadAllBytes(path);
        var pageSize = (bytes[16] << 8) | bytes[17];
        // Scribble over the middle of the file: b-tree pages of the chat table, not the schema page.
        for (var i = pageSize * 4; i < pageSize * 6 && i < bytes.Length; i++) bytes[i] = (byte)(i * 31);
        File.WriteAllBytes(path, bytes);

        IntegrityCheckResult result;
        try
        {
            using var db = OpenWebUiDatabase.OpenReadOnly(path);
            result = db.CheckIntegrity();
        }
        catch (OpenWebUiDatabaseException e)
        {
            e.Message.Should().StartWith(path).And.MatchRegex("corrupt|not a SQLite");
            return;
        }

        TestContext.Out.WriteLine(result.ToString());
        result.IsOk.Should().BeFalse();
        result.Messages.Should().NotBeEmpty();
        result.ToString().Should().StartWith(path).And.Contain("integrity check failed");
    }

    [Test]
    public void A_healthy_database_passes_the_integrity_check()
    {
        using var db = OpenWebUiDatabase.OpenReadOnly(OpenWebUiTestDatabase.Create(PathIn("webui.db")));
        db.CheckIntegrity().Should().Match<IntegrityCheckResult>(r => r.IsOk && r.Messages.Count == 1);
    }

    [Test]
    public void A_database_held_under_an_exclusive_write_lock_is_reported_as_locked()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"));
        using var app = OpenWebUiTestDatabase.Connect(path);
        OpenWebUiTestDatabase.Execute(app, "BEGIN EXCLUSIVE");
        var error = FluentActions.Invoking(() => OpenWebUiDatabase.OpenReadOnly(path, busyTimeout: TimeSpan.FromSeconds(1)))
            .Should().Throw<OpenWebUiDatabaseException>().Which;
        error.Message.Should().StartWith(path).And.Contain("locked");
        error.SqliteErrorCode.Should().Be(5);
        OpenWebUiTestDatabase.Execute(app, "ROLLBACK");
        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        db.CountRows("user").Should().Be(2);
    }

    [Test]
    public void A_config_table_in_another_layout_is_a_clear_error()
    {
        var path = PathIn("webui.db");
        using (var c = OpenWebUiTestDatabase.Connect(path)) OpenWebUiTestDatabase.Execute(c, "CREATE TABLE config (id INTEGER PRIMARY KEY, key TEXT, value JSON)");
        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        FluentActions.Invoking(() => db.ReadConfig()).Should().Throw<OpenWebUiDatabaseException>().WithMessage($"{path}: table 'config' has no column 'data'*");
    }

    [Test]
    public void Config_json_that_does_not_parse_names_the_row()
    {
        using var db = OpenWebUiDatabase.OpenReadOnly(OpenWebUiTestDatabase.Create(PathIn("webui.db"), configJson: "{\"webui\": {\"url\": "));
        FluentActions.Invoking(() => db.ReadConfig()).Should().Throw<OpenWebUiDatabaseException>().WithMessage("*config row 1: data is not valid JSON*");
    }
}
