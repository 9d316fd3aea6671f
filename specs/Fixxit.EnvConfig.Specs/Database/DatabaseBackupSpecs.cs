using Fixxit.EnvConfig.Specs.Fixtures;
using Fixxit.OpenWebUi.Database;

namespace Fixxit.EnvConfig.Specs.Database;

/// <summary>Online backups are consistent, self-contained, integrity-checked, and never overwrite or half-write.</summary>
public sealed class DatabaseBackupSpecs : TempFolderSpecs
{
    [Test]
    public void A_backup_of_a_wal_database_is_one_self_contained_file_with_every_committed_row()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), chats: 5, wal: true);
        using var app = OpenWebUiTestDatabase.Connect(path);
        OpenWebUiTestDatabase.Execute(app, "PRAGMA wal_autocheckpoint=0");
        OpenWebUiTestDatabase.Execute(app, "INSERT INTO chat VALUES ('only-in-wal', 'u', 't', NULL, 0, 0, 0, '{}')");

        DatabaseBackup backup;
        using (var db = OpenWebUiDatabase.OpenReadOnly(path)) backup = db.BackupTo(PathIn("backup.db"));

        backup.Integrity.IsOk.Should().BeTrue();
        backup.SizeBytes.Should().Be(new FileInfo(PathIn("backup.db")).Length).And.BePositive();
        var header = File.ReadAllBytes(PathIn("backup.db"))[18..20];
        header.Should().Equal([1, 1], "file format bytes 1/1 mean rollback journal (DELETE), 2/2 would mean WAL");
        Directory.GetFiles(Folder).Select(Path.GetFileName).Should().BeEquivalentTo("webui.db", "webui.db-wal", "webui.db-shm", "backup.db");
        using var copy = OpenWebUiDatabase.OpenReadOnly(PathIn("backup.db"));
        copy.CountRows("chat").Should().Be(6);
        copy.ReadConfig()!.WebuiUrl.Should().Be("https://dev.fixxit.ai");
    }

    [Test]
    public void A_backup_taken_while_the_app_keeps_writing_is_a_consistent_snapshot()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), chats: 0, wal: true);
        using var cancel = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(() =>
        {
            using var app = OpenWebUiTestDatabase.Connect(path);
            while (!cancel.IsCancellationRequested)
            {
                // Each transaction adds a chat and its auth row together: a torn copy would show them unequal.
                OpenWebUiTestDatabase.Execute(app, "BEGIN");
                OpenWebUiTestDatabase.Execute(app, "INSERT INTO chat VALUES ($id, 'u', 't', NULL, 0, 0, 0, '{}')", ("$id", Guid.NewGuid().ToString()));
                OpenWebUiTestDatabase.Execute(app, "INSERT INTO auth VALUES ($id, 'e', 'p', 1)", ("$id", Guid.NewGuid().ToString()));
                OpenWebUiTestDatabase.Execute(app, "COMMIT");
                Interlocked.Increment(ref written);
            }
        });
        SpinWait.SpinUntil(() => Volatile.Read(ref written) >= 50 || writer.IsCompleted);

        DatabaseBackup backup;
        using (var db = OpenWebUiDatabase.OpenReadOnly(path)) backup = db.BackupTo(PathIn("backup.db"));
        cancel.Cancel();
        writer.Wait();

        backup.Integrity.IsOk.Should().BeTrue();
        using var copy = OpenWebUiDatabase.OpenReadOnly(PathIn("backup.db"));
        var chats = copy.CountRows("chat");
        chats.Should().BeGreaterThanOrEqualTo(50);
        copy.CountRows("auth").Should().Be(chats + 2, "the two seeded users plus one auth row per chat transaction");
    }

    [Test]
    public void An_existing_backup_file_is_never_overwritten()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"));
        File.WriteAllText(PathIn("backup.db"), "yesterday's backup");
        using var db = OpenWebUiDatabase.OpenReadOnly(path);
        FluentActions.Invoking(() => db.BackupTo(PathIn("backup.db"))).Should().Throw<OpenWebUiDatabaseException>().WithMessage("*already exists*");
        File.ReadAllText(PathIn("backup.db")).Should().Be("yesterday's backup");
    }

    [Test]
    public void A_backup_into_a_missing_folder_fails_and_leaves_nothing()
    {
        using var db = OpenWebUiDatabase.OpenReadOnly(OpenWebUiTestDatabase.Create(PathIn("webui.db")));
        FluentActions.Invoking(() => db.BackupTo(PathIn("no/such/folder/backup.db"))).Should().Throw<OpenWebUiDatabaseException>().WithMessage("*folder does not exist*");
        Directory.GetFileSystemEntries(Folder).Should().ContainSingle();
    }
}
