using Fixxit.Analyzers.Specs.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Fixxit.Analyzers.Specs.Rules;

/// <summary>FIX004: secret-looking text in a file that declares topology, and values for secret-named keys.</summary>
public sealed class SecretLiteralSpecs
{
    // Test keys made up for these specs (Fernet-shaped: 32 bytes, base64url) — not anybody's secret.
    private const string FernetKey = "q4Vb3Yx8n0TzQ1sLk7WcE2uR9hJ5mGfA6dPoI8eXy0U=";
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzcGVjIn0.c2lnbmF0dXJlLXNwZWM";
    private const string Entropy = "Q7mZ2xW9pL4kT8vR1nB6cY3sD5fG0hJ2aE7uI9oK";

    private const string Dev = """
        public static readonly AppEnvironment Dev = new()
        {
            Name = "dev", Tier = Tier.Development, Directory = "/srv/dev",
            BackendPort = 8080, FrontendPort = 5173, PublicUrl = "https://dev.example.org",
        """;

    [Test]
    public Task A_fernet_key_pasted_where_the_key_name_belongs_is_reported() => AnalyzerSpec.Verify($$"""
        public static class Envs
        {
            {{Dev}}
                Secrets = new EnvironmentSecrets { EncryptionKey = SecretRef.DotEnv("backend/.env", {|FIX004:"{{FernetKey}}"|}) },
            };
        }
        """);

    [Test]
    public Task A_jwt_in_extra_settings_is_reported() => AnalyzerSpec.Verify($$"""
        public static class Envs
        {
            {{Dev}}
                Settings = new AppSettings { Extra = ImmutableDictionary<string, string>.Empty.Add("SOME_SETTING", {|FIX004:"{{Jwt}}"|}) },
            };
        }
        """);

    [Test]
    public Task A_const_holding_a_key_in_a_topology_file_is_reported() => AnalyzerSpec.Verify($$"""
        public static class Envs
        {
            private const string Key = {|FIX004:"{{FernetKey}}"|};
            {{Dev}}
            };
        }
        """);

    [Test]
    public Task A_value_for_a_secret_named_key_is_reported_even_when_it_looks_harmless() => AnalyzerSpec.Verify("""
        public static class Envs
        {
            private const string Password = "hunter2hunter2";
            public static readonly AppSettings Settings = new()
            {
                Extra = ImmutableDictionary<string, string>.Empty.Add("ENABLE_SIGNUP", "false").Add("WEBUI_SECRET_KEY", {|FIX004:Password|}),
            };
        }
        """);

    [Test]
    public Task A_high_entropy_token_is_a_warning()
    {
        var test = AnalyzerSpec.Create($$"""
            public static class Envs
            {
                public static readonly SecretRef Key = SecretRef.EnvironmentVariable("{{Entropy}}");
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FIX004", DiagnosticSeverity.Warning).WithSpan("/0/Topology0.cs", 5, 74, 5, 116));
        return test.RunAsync();
    }

    [Test]
    public Task Files_that_declare_no_topology_are_not_scanned() => AnalyzerSpec.Verify($$"""
        public static class Unrelated
        {
            public const string Sample = "{{FernetKey}}";
        }
        """);

    [Test]
    public Task Names_paths_and_urls_are_clean() => AnalyzerSpec.Verify($$"""
        public static class Envs
        {
            {{Dev}}
                Secrets = new EnvironmentSecrets { EncryptionKey = SecretRef.DotEnv("backend/.env", "DATABASE_PASSWORD_ENCRYPTION_KEY", "sha256:0123456789ab") },
                Settings = new AppSettings { Extra = ImmutableDictionary<string, string>.Empty.Add("ENABLE_SIGNUP", "false").Add("OPENAI_API_KEY", "") },
            };
        }
        """);
}
