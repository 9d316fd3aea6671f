using System.Text.Json.Nodes;
using Fixxit.Cryptography;
using Fixxit.Sandbox.Backend.Specs.Support;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Specs.Cli;

public sealed class SeedSpecs
{
    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Credentials_file_is_0600_and_names_an_account_per_role_with_distinct_random_passwords()
    {
        using var root = TestAppRoot.Create();
        var credentials = root.Seed();

        File.GetUnixFileMode(root.CredentialsFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var json = JsonNode.Parse(File.ReadAllText(root.CredentialsFile))!.AsObject();
        json.Select(p => p.Key).Should().BeEquivalentTo(["admin", "manager", "user", "pending", "managerGroups", "allGroups"]);
        json["admin"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["email", "password", "name"]);
        var passwords = credentials.Accounts.Select(a => a.Password).ToList();
        passwords.Should().OnlyHaveUniqueItems().And.OnlyContain(p => p.Length >= 16);
        credentials.ManagerGroups.Should().NotBeEmpty().And.BeSubsetOf(credentials.AllGroups);
    }

    [Test]
    public void Two_seeds_generate_different_passwords()
    {
        using var one = TestAppRoot.Create();
        using var two = TestAppRoot.Create();
        one.Seed().Admin.Password.Should().NotBe(two.Seed().Admin.Password);
    }

    [Test]
    public void The_database_holds_bcrypt_hashes_roles_fernet_tokens_for_the_env_key_and_the_persisted_url()
    {
        using var root = TestAppRoot.Create("https://dev.example.test");
        var credentials = root.Seed();
        using var connection = new SqliteConnection($"Data Source={root.Database};Pooling=False");
        connection.Open();

        Scalar<string>(connection, "PRAGMA journal_mode").Should().Be("wal");
        var hashes = Column(connection, "SELECT password FROM auth");
        hashes.Should().OnlyContain(h => h.StartsWith("$2b$", StringComparison.Ordinal));
        hashes.Should().NotContain(credentials.Admin.Password);
        Column(connection, "SELECT DISTINCT role FROM user").Should().BeEquivalentTo(["admin", "manager", "user", "pending"]);
        Scalar<string>(connection, $"SELECT role FROM user WHERE email = '{credentials.Manager.Email}'").Should().Be("manager");

        var tokens = Column(connection, "SELECT password_encrypted FROM log_source");
        tokens.Should().NotBeEmpty().And.OnlyContain(t => Fernet.CanDecrypt(root.EncryptionKey, t));
        tokens.Should().OnlyContain(t => !Fernet.CanDecrypt(FernetKey.Generate(), t));
        Scalar<long>(connection, "SELECT count(*) FROM log_entry").Should().BeGreaterThan(0);

        var config = JsonNode.Parse(Scalar<string>(connection, "SELECT data FROM config"))!;
        config["webui"]!["url"]!.GetValue<string>().Should().Be("https://dev.example.test");
        config["ui"]!["enable_signup"]!.GetValue<bool>().Should().BeFalse();
    }

    [Test]
    public void An_existing_database_is_refused_unless_forced()
    {
        using var root = TestAppRoot.Create();
        root.Seed();
        var (exit, output) = BackendProcess.Run(["seed", "--app-root", root.Path, "--credentials-out", root.CredentialsFile]);
        exit.Should().Be(2);
        output.Should().Contain(root.Database).And.Contain("--force");

        var (forced, _) = BackendProcess.Run(["seed", "--app-root", root.Path, "--credentials-out", root.CredentialsFile, "--force"]);
        forced.Should().Be(0);
    }

    [Test]
    public void A_missing_env_file_is_a_one_line_error_naming_it()
    {
        using var root = TestAppRoot.Create();
        File.Delete(root.EnvFile);
        var (exit, output) = BackendProcess.Run(["seed", "--app-root", root.Path, "--credentials-out", root.CredentialsFile]);
        exit.Should().Be(2);
        output.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(root.EnvFile);
        File.Exists(root.Database).Should().BeFalse();
        File.Exists(root.CredentialsFile).Should().BeFalse();
    }

    [Test]
    public void A_malformed_key_names_the_file_and_the_setting()
    {
        using var root = TestAppRoot.Create();
        File.WriteAllText(root.EnvFile, "DATABASE_PASSWORD_ENCRYPTION_KEY=not-a-fernet-key\n");
        var (exit, output) = BackendProcess.Run(["seed", "--app-root", root.Path, "--credentials-out", root.CredentialsFile]);
        exit.Should().Be(2);
        output.Should().Contain(root.EnvFile).And.Contain("DATABASE_PASSWORD_ENCRYPTION_KEY").And.NotContain("not-a-fernet-key");
        var dataDirectory = Path.GetDirectoryName(root.Database)!;
        (Directory.Exists(dataDirectory) ? Directory.GetFiles(dataDirectory) : []).Should().BeEmpty("a failed seed leaves nothing behind");
    }

    [Test]
    public void Key_only_in_the_process_environment_is_refused_with_the_env_file_flag()
    {
        using var root = TestAppRoot.Create();
        root.WriteEnv("https://app.example.test", key: null);
        var env = new Dictionary<string, string> { ["DATABASE_PASSWORD_ENCRYPTION_KEY"] = root.EncryptionKey.ToCanonicalString() };
        var (flagged, output) = BackendProcess.Run(["seed", "--app-root", root.Path, "--credentials-out", root.CredentialsFile, "--encryption-key-from-env-file"], env);
        flagged.Should().Be(2);
        output.Should().Contain("DATABASE_PASSWORD_ENCRYPTION_KEY is not set");

        var (fallback, _) = BackendProcess.Run(["seed", "--app-root", root.Path, "--credentials-out", root.CredentialsFile], env);
        fallback.Should().Be(0, "without the flag the process variable is the fallback");
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
