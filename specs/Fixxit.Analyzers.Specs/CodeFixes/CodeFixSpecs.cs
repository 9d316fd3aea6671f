using Fixxit.Analyzers.Specs.Verifiers;

namespace Fixxit.Analyzers.Specs.CodeFixes;

/// <summary>Each fix produces the expected code, Fix All fixes every occurrence, and no fix is offered where it would do nothing.</summary>
public sealed class CodeFixSpecs
{
    private const string Dev = """
        public static class Envs
        {
            public static readonly AppEnvironment Dev = new()
            {
                Name = "dev", Tier = Tier.Development, Directory = "/srv/dev",
                BackendPort = 8080, FrontendPort = 5173, PublicUrl = "https://dev.example.org",
                Proxy = new ProxySite { Domain = "dev.example.org", UpstreamPort = 8080 },
            };

        """;

    [Test]
    public Task FIX001_a_written_port_becomes_the_next_free_port() => CodeFixSpec.Verify(
        Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = {|FIX001:5173|}, PublicUrl = "https://app.example.org", Proxy = null,
            };
        }
        """,
        Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org", Proxy = null,
            };
        }
        """);

    [Test]
    public Task FIX001_inherited_ports_are_added_to_the_with_and_fix_all_does_both() => CodeFixSpec.Verify(
        Dev + """
            public static readonly AppEnvironment Prod = {|FIX001:{|FIX001:Dev with|}|}
            {
                Name = "prod",
                Directory = "/srv/prod",
                PublicUrl = "https://app.example.org",
                Proxy = null,
            };
        }
        """,
        Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod",
                Directory = "/srv/prod",
                PublicUrl = "https://app.example.org",
                Proxy = null,
                BackendPort = 8081,
                FrontendPort = 5174,
            };
        }
        """,
        fixes: 2);

    [Test]
    public Task FIX003_a_dev_url_becomes_the_environments_own() => CodeFixSpec.Verify(
        Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Tier = Tier.Production, Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org", Proxy = null,
                Settings = new AppSettings { WebuiUrl = {|FIX003:"https://dev.example.org"|}, FrontendBaseUrl = {|FIX003:"http://app.example.org"|} },
            };
        }
        """,
        Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Tier = Tier.Production, Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org", Proxy = null,
                Settings = new AppSettings { WebuiUrl = "https://app.example.org", FrontendBaseUrl = "https://app.example.org" },
            };
        }
        """,
        fixes: 2);

    [Test]
    public Task FIX003_no_fix_where_the_own_url_is_the_problem() => CodeFixSpec.Verify(
        Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Tier = Tier.Production, Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = {|FIX003:"https://dev.example.org"|}, Proxy = null,
            };
        }
        """,
        Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Tier = Tier.Production, Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://dev.example.org", Proxy = null,
            };
        }
        """
            .Replace("PublicUrl = \"https://dev.example.org\", Proxy", "PublicUrl = {|FIX003:\"https://dev.example.org\"|}, Proxy"),
        fixes: 0);

    [Test]
    public Task FIX004_a_pasted_key_becomes_the_settings_name() => CodeFixSpec.Verify(
        """
        public static class Envs
        {
            public static readonly EnvironmentSecrets Secrets = new()
            {
                EncryptionKey = SecretRef.DotEnv("backend/.env", {|FIX004:"q4Vb3Yx8n0TzQ1sLk7WcE2uR9hJ5mGfA6dPoI8eXy0U="|}),
            };
        }
        """,
        """
        public static class Envs
        {
            public static readonly EnvironmentSecrets Secrets = new()
            {
                EncryptionKey = SecretRef.DotEnv("backend/.env", EnvironmentSecrets.EncryptionKeyName),
            };
        }
        """);

    [Test]
    public Task FIX004_no_fix_for_a_value_that_has_no_secret_reference_to_become() => CodeFixSpec.Verify(
        """
        public static class Envs
        {
            public static readonly AppSettings Settings = new() { Extra = ImmutableDictionary<string, string>.Empty.Add("X", {|FIX004:"q4Vb3Yx8n0TzQ1sLk7WcE2uR9hJ5mGfA6dPoI8eXy0U="|}) };
        }
        """,
        """
        public static class Envs
        {
            public static readonly AppSettings Settings = new() { Extra = ImmutableDictionary<string, string>.Empty.Add("X", {|FIX004:"q4Vb3Yx8n0TzQ1sLk7WcE2uR9hJ5mGfA6dPoI8eXy0U="|}) };
        }
        """,
        fixes: 0);

    [Test]
    public Task FIX005_the_upstream_becomes_the_backend_port() => CodeFixSpec.Verify(
        Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",
                Proxy = new ProxySite { Domain = "app.example.org", UpstreamPort = {|FIX005:8080|} },
            };
        }
        """,
        Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",
                Proxy = new ProxySite { Domain = "app.example.org", UpstreamPort = 8081 },
            };
        }
        """);
}
