using Fixxit.Analyzers.Specs.Verifiers;

namespace Fixxit.Analyzers.Specs.Rules;

/// <summary>FIX005: a proxy site forwarding to another port than the environment's backend, or serving another domain.</summary>
public sealed class ProxyUpstreamSpecs
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
    public Task Upstream_on_devs_backend_is_reported() => AnalyzerSpec.Verify(Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",
                Proxy = new ProxySite { UpstreamPort = {|FIX005:8080|}, Domain = "app.example.org" },
            };
        }
        """);

    [Test]
    public Task A_backend_change_that_leaves_the_inherited_upstream_behind_is_reported() => AnalyzerSpec.Verify(Dev + """
            public static readonly AppEnvironment Prod = {|FIX005:Dev with|}
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",
                Proxy = Dev.Proxy! with { Domain = "app.example.org" },
            };
        }
        """);

    [Test]
    public Task A_domain_other_than_the_public_host_is_reported() => AnalyzerSpec.Verify(Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",
                Proxy = new ProxySite { Domain = {|FIX005:"dev.example.org"|}, UpstreamPort = 8000 + 81 },
            };
        }
        """);

    [Test]
    public Task A_matching_site_is_clean() => AnalyzerSpec.Verify(Dev + """
            private const int ProdBackend = 8081;
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = ProdBackend, FrontendPort = 5174, PublicUrl = "https://APP.example.org",
                Proxy = new ProxySite { Domain = "app.example.org", UpstreamPort = ProdBackend },
            };
        }
        """);

    [Test]
    public Task An_environment_without_a_proxy_site_is_clean() => AnalyzerSpec.Verify(Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org", Proxy = null,
            };
        }
        """);
}
