using Fixxit.Analyzers.Specs.Verifiers;

namespace Fixxit.Analyzers.Specs.Rules;

/// <summary>FIX006: ports outside 1-65535 or owned by SSH and the proxy, however they are written.</summary>
public sealed class InvalidPortSpecs
{
    private static string Env(string backend, string frontend, string upstream = "8080") => $$"""
        public static class Envs
        {
            private const int Https = 443;
            public static readonly AppEnvironment Dev = new()
            {
                Name = "dev", Tier = Tier.Development, Directory = "/srv/dev", PublicUrl = "https://dev.example.org",
                BackendPort = {{backend}}, FrontendPort = {{frontend}},
                Proxy = new ProxySite { Domain = "dev.example.org", UpstreamPort = {{upstream}} },
            };
        }
        """;

    [TestCase("0")]
    [TestCase("70000")]
    [TestCase("22")]
    [TestCase("80")]
    [TestCase("Https")]
    [TestCase("5000 * 20")]
    public Task Invalid_or_reserved_frontend_ports_are_reported(string port) => AnalyzerSpec.Verify(Env("8080", "{|FIX006:" + port + "|}"));

    [Test]
    public Task A_reserved_proxy_upstream_is_reported() => AnalyzerSpec.Verify(Env("8080", "5173", "{|FIX006:443|}").Replace("BackendPort = 8080", "BackendPort = 8080").Replace("UpstreamPort = {|FIX006:443|}", "UpstreamPort = {|FIX005:{|FIX006:443|}|}"));

    [Test]
    public Task Usable_ports_are_clean() => AnalyzerSpec.Verify(Env("8080", "5173"));

    [Test]
    public Task A_port_inherited_through_with_is_reported_once_where_it_is_written() => AnalyzerSpec.Verify(Env("8080", "{|FIX006:443|}").Replace("        };\n}", "        };\n    public static readonly AppEnvironment Copy = Dev with { Name = \"copy\", Directory = \"/srv/copy\", BackendPort = 8081, Proxy = null };\n}"));
}
