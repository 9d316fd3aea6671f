using System.IO.Compression;
using System.Text;
using Fixxit.Checklist.Specs.Privacy;
using Microsoft.Data.Sqlite;

namespace Fixxit.Checklist.Specs;

/// <summary>
/// The privacy oracle itself can fail: it finds a secret in plain text, inside a nested zip, base64-embedded at any
/// alignment, in UTF-16, an unregistered JWT, and a SQLite file whatever its name; a clean folder gives no finding.
/// </summary>
public sealed class ReportFolderScanSpecs
{
    private const string Secret = "s3cret-Value-0f-the-run";
    private static readonly KnownSecret[] Secrets = [new("admin password", Secret)];

    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "fixxit-scan-" + Guid.NewGuid().ToString("N")[..8]));

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void A_clean_folder_has_no_finding()
    {
        File.WriteAllText(Path.Combine(_folder, "report.html"), "<p>***admin password***</p>");

        ReportFolderScan.Folder(_folder, Secrets).Should().BeEmpty();
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void A_secret_embedded_as_base64_is_found_at_any_alignment(int prefix)
    {
        var blob = Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('x', prefix) + "user=" + Secret + ";"));
        File.WriteAllText(Path.Combine(_folder, "report.ndjson"), "{\"attachment\":{\"body\":\"" + blob + "\"}}");

        ReportFolderScan.Folder(_folder, Secrets).Should().ContainSingle().Which.Should().Be("report.ndjson: admin password");
    }

    [Test]
    public void A_secret_in_a_zip_inside_a_zip_is_found_and_named_by_its_entry()
    {
        using var inner = new MemoryStream();
        using (var zip = new ZipArchive(inner, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("resources/body.json").Open();
            entry.Write(Encoding.UTF8.GetBytes("{\"password\":\"" + Secret + "\"}"));
        }

        using (var outer = ZipFile.Open(Path.Combine(_folder, "trace.zip"), ZipArchiveMode.Create))
        {
            using var entry = outer.CreateEntry("nested.zip").Open();
            entry.Write(inner.ToArray());
        }

        ReportFolderScan.Folder(_folder, Secrets).Should().Contain("trace.zip!nested.zip!resources/body.json: admin password");
    }

    [Test]
    public void UTF16_text_an_unregistered_jwt_and_a_renamed_sqlite_file_are_found()
    {
        File.WriteAllBytes(Path.Combine(_folder, "note.bin"), Encoding.Unicode.GetBytes("x" + Secret));
        File.WriteAllText(Path.Combine(_folder, "ssh.log"), "Cookie: token=eyJhbGciOiJIUzI1NiJ9.eyJpZCI6InVzZXItMTIzNDUifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg");
        using (var db = new SqliteConnection($"Data Source={Path.Combine(_folder, "evidence.png")}"))
        {
            db.Open();
            using var create = db.CreateCommand();
            create.CommandText = "CREATE TABLE user (email TEXT)";
            create.ExecuteNonQuery();
        }

        var findings = ReportFolderScan.Folder(_folder, Secrets);

        findings.Should().Contain("note.bin: admin password (UTF-16)");
        findings.Should().Contain(f => f.StartsWith("ssh.log: a JWT-shaped session token", StringComparison.Ordinal));
        findings.Should().Contain("evidence.png: a SQLite database (file header)");
    }
}
