using Fixxit.Analyzers.Specs.Verifiers;

namespace Fixxit.Analyzers.Specs.Rules;

/// <summary>FIX002: a copied database with a different key reference or fingerprint; mirrors that disagree.</summary>
public sealed class EncryptionKeyMismatchSpecs
{
    private const string Dev = """
        public static class Envs
        {
            public const string EnvFile = "backend/.env";

            public static readonly AppEnvironment Dev = new()
            {
                Name = "dev", Tier = Tier.Development, Directory = "/srv/dev",
                BackendPort = 8080, FrontendPort = 5173, PublicUrl = "https://dev.example.org",
                Secrets = new EnvironmentSecrets
                {
                    EncryptionKey = SecretRef.DotEnv(EnvFile, EnvironmentSecrets.EncryptionKeyName, "sha256:aaaa"),
                    WebuiSecretKey = SecretRef.DotEnv(EnvFile, EnvironmentSecrets.WebuiSecretKeyName),
                },
            };

        """;

    private static string Prod(string members) => Dev + $$"""
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",
                {{members}}
            };
        }
        """;

    [Test]
    public Task A_copy_inheriting_devs_keys_is_clean() => AnalyzerSpec.Verify(Prod("Database = DatabaseSpec.CopyOf(Dev),"));

    [Test]
    public Task A_copy_pointing_its_key_at_another_secret_is_reported() => AnalyzerSpec.Verify(Prod(
        """Database = DatabaseSpec.CopyOf(Dev), Secrets = Dev.Secrets with { EncryptionKey = {|FIX002:SecretRef.DotEnv(EnvFile, "PROD_ONLY_KEY")|} },"""));

    [Test]
    public Task A_copy_with_a_different_fingerprint_is_reported_with_named_out_of_order_arguments() => AnalyzerSpec.Verify(Prod(
        """Database = DatabaseSpec.CopyOf(Dev), Secrets = Dev.Secrets with { EncryptionKey = {|FIX002:SecretRef.DotEnv(fingerprint: "sha256:bbbb", key: EnvironmentSecrets.EncryptionKeyName, file: EnvFile)|} },"""));

    [Test]
    public Task The_same_place_written_differently_is_clean() => AnalyzerSpec.Verify(Prod(
        """Database = DatabaseSpec.CopyOf(Dev), Secrets = Dev.Secrets with { EncryptionKey = new SecretRef(SecretSource.DotEnv, "DATABASE_PASSWORD_ENCRYPTION_KEY", $"{"backend"}/.env", "sha256:aaaa") },"""));

    [Test]
    public Task Seeded_by_name_is_followed_too() => AnalyzerSpec.Verify(Prod(
        """Database = new DatabaseSpec { SeededFrom = "dev" }, Secrets = Dev.Secrets with { WebuiSecretKey = {|FIX002:SecretRef.EnvironmentVariable("PROD_JWT")|} },"""));

    [Test]
    public Task A_copy_that_drops_a_key_the_source_uses_is_reported() => AnalyzerSpec.Verify(Prod(
        """Database = DatabaseSpec.CopyOf(Dev), Secrets = {|FIX002:new EnvironmentSecrets { EncryptionKey = Dev.Secrets.EncryptionKey }|},"""));

    [Test]
    public Task File_references_are_compared_by_path() => AnalyzerSpec.Verify(Prod(
        """Database = DatabaseSpec.CopyOf(Dev), Secrets = Dev.Secrets with { WebuiSecretKey = {|FIX002:SecretRef.File(path: "/etc/fixxit/prod-jwt.key")|} },"""));

    [Test]
    public Task A_fresh_database_may_use_its_own_keys() => AnalyzerSpec.Verify(Prod(
        """Database = DatabaseSpec.Fresh, Secrets = new EnvironmentSecrets { EncryptionKey = SecretRef.EnvironmentVariable("PROD_ONLY_KEY") },"""));

    [Test]
    public Task Mirrors_with_a_different_fingerprint_are_reported() => AnalyzerSpec.Verify(Prod(
        """Secrets = Dev.Secrets with { EncryptionKeyMirrors = [SecretRef.ShellScript("start_server.sh", EnvironmentSecrets.EncryptionKeyName, "sha256:aaaa"), {|FIX002:SecretRef.ShellScript("start_server.sh", EnvironmentSecrets.EncryptionKeyName, "sha256:cccc")|}] },"""));

    [Test]
    public Task Keys_known_only_at_run_time_are_not_reported() => AnalyzerSpec.Verify(Dev + """
            public static AppEnvironment Copy(SecretRef key) => Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",
                Database = DatabaseSpec.CopyOf(Dev), Secrets = Dev.Secrets with { EncryptionKey = key },
            };
        }
        """);
}
