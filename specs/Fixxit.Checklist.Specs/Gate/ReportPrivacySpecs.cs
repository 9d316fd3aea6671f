using System.IO.Compression;
using Fixxit.Checklist.Specs.Privacy;
using Fixxit.Sandbox;
using Microsoft.Data.Sqlite;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// A report folder goes to stakeholders: after a passing gate, a failing one (with a browser scenario failing after a
/// password was typed, so a screenshot and a trace are kept) and the nightly profile, no file of the run's results
/// (zips opened, binary files included) and no line of its console holds a secret value the run knew or a database;
/// the private scratch folder is gone; the report keeps the snapshots' evidence instead.
/// </summary>
[NonParallelizable]
public sealed class ReportPrivacySpecs
{
    private static SandboxInfo Info => GateSandbox.Info;

    [Test]
    [Order(10)]
    public async Task A_passing_fixxit_gate_leaves_no_secret_and_no_database_in_its_report_folder_or_console()
    {
        var (exitCode, output, results) = await GateSandbox.RunCliGateAsync("Category=ui|FullyQualifiedName~database_persists_its_own_URL");
        try
        {
            exitCode.Should().Be(0, output);
            output.Should().Contain("gate passed").And.Contain("= preflight:", "the gate provisioned (a no-op apply) and printed its steps");
            AssertPrivate(results, output);
            File.ReadAllText(Path.Combine(results, "run-header.json")).Should()
                .Contain("prod database snapshot").And.Contain("sha256:", "the report keeps a snapshot's evidence instead of the snapshot");
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    [Test]
    [Order(11)]
    public async Task A_failing_gate_keeps_a_masked_trace_and_screenshot_and_no_secret_or_database()
    {
        // A fault made by hand, as an operator could: the user's password hash overwritten with another account's, so the
        // browser scenario types the password, is refused, and fails with a screenshot and a trace.
        var original = SwapPasswordHash("user", "manager");
        await FaultSwitch.EnableAsync("dev-url-in-db", GateSandbox.Root);
        GateResult gate;
        try
        {
            gate = await GateSandbox.RunGateAsync("privacy-fail",
                "FullyQualifiedName~An_existing_user_can_sign_in|FullyQualifiedName~database_persists_its_own_URL|FullyQualifiedName~A_new_invitation_URL_shows");
        }
        finally
        {
            await FaultSwitch.DisableAsync("dev-url-in-db", GateSandbox.Root);
            SetPasswordHash("user", original);
        }

        gate.ExitCode.Should().NotBe(0, gate.Output);
        gate.Scenario("An_existing_user_can_sign_in").Outcome.Should().Be("Failed", gate.Output);
        var traces = Directory.GetFiles(Path.Combine(gate.ReportDirectory, "artifacts"), "*trace.zip");
        traces.Should().NotBeEmpty("a failed browser scenario keeps its trace");
        foreach (var trace in traces)
        {
            using var zip = ZipFile.OpenRead(trace);
            zip.Entries.Should().Contain(e => e.FullName.EndsWith(".trace", StringComparison.Ordinal), "the masked copy is still a Playwright trace");
        }

        File.ReadAllText(Path.Combine(gate.ReportDirectory, "report.ndjson")).Should().Contain("image/png", "the failure's screenshot is embedded");
        AssertPrivate(gate);
    }

    [Test]
    [Order(12)]
    public async Task The_nightly_profile_leaves_no_secret_and_no_database_in_its_report_folder_or_console()
    {
        var nightlyFilter = System.Xml.Linq.XDocument.Load(RepositoryPaths.Runsettings("nightly")).Descendants("TestCaseFilter").Single().Value.Trim();

        var gate = await GateSandbox.RunGateAsync("privacy-nightly", filter: null, testCaseFilter: nightlyFilter);

        gate.Scenarios.Should().NotBeEmpty(gate.Output);
        AssertPrivate(gate);
    }

    private static void AssertPrivate(GateResult gate) => AssertPrivate(Path.GetDirectoryName(gate.ReportDirectory)!, gate.Output);

    private static void AssertPrivate(string results, string console)
    {
        var secrets = RunSecrets.Collect(Info);
        secrets.Should().Contain(s => s.Label.Contains("password", StringComparison.Ordinal)).And
            .Contain(s => s.Label.Contains("DATABASE_PASSWORD_ENCRYPTION_KEY (other form)", StringComparison.Ordinal), "the oracle knows both forms of the wrapped key");
        Directory.EnumerateFiles(results, "*", SearchOption.AllDirectories).Should().NotBeEmpty();

        var findings = ReportFolderScan.Folder(results, secrets).Concat(ReportFolderScan.Text("console", console, secrets)).ToList();

        findings.Should().BeEmpty("a report folder and the console go to stakeholders");
        Directory.Exists(GateSandbox.Scratch).Should().BeTrue("the run had a private scratch root");
        Directory.EnumerateFileSystemEntries(GateSandbox.Scratch).Should().BeEmpty("the run removes its private scratch folder when it ends");
    }

    private static string Email(string account)
    {
        using var credentials = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Info.CredentialsPath));
        return credentials.RootElement.GetProperty(account).GetProperty("email").GetString()!;
    }

    /// <summary>Gives <paramref name="account"/> the password hash of <paramref name="donor"/>; returns the original hash.</summary>
    private static string SwapPasswordHash(string account, string donor)
    {
        using var connection = OpenProdDatabase();
        var original = Scalar(connection, "SELECT password FROM auth WHERE email = $email", Email(account));
        SetPasswordHash(account, Scalar(connection, "SELECT password FROM auth WHERE email = $email", Email(donor)));
        return original;
    }

    private static void SetPasswordHash(string account, string hash)
    {
        using var connection = OpenProdDatabase();
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE auth SET password = $hash WHERE email = $email";
        write.Parameters.AddWithValue("$hash", hash);
        write.Parameters.AddWithValue("$email", Email(account));
        write.ExecuteNonQuery().Should().Be(1);
    }

    private static string Scalar(SqliteConnection connection, string sql, string email)
    {
        using var read = connection.CreateCommand();
        read.CommandText = sql;
        read.Parameters.AddWithValue("$email", email);
        return (string?)read.ExecuteScalar() ?? throw new InvalidOperationException($"no row for {email} in prod's database");
    }

    private static SqliteConnection OpenProdDatabase()
    {
        var path = Info.Prod.PathOf(Info.Prod.Database.Path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 10, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
