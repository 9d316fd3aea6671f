using Fixxit.Analyzers.Specs.Verifiers;

namespace Fixxit.Analyzers.Specs.Rules;

/// <summary>FIX003: production URLs on another environment's host, localhost or http; development may use anything.</summary>
public sealed class DevUrlInProductionSpecs
{
    private const string Dev = """
        public static class Hosts
        {
            public const string Dev = "dev.example.org";
            public const string App = "app.example.org";
        }

        public static class Envs
        {
            public static readonly AppEnvironment Dev = new()
            {
                Name = "dev", Tier = Tier.Development, Directory = "/srv/dev",
                BackendPort = 8080, FrontendPort = 5173, PublicUrl = $"https://{Hosts.Dev}",
                Settings = new AppSettings { WebuiUrl = "http://localhost:8080", CorsAllowOrigins = ["http://localhost:5173"] },
            };

        """;

    private static string Prod(string publicUrl, string settings) => Dev + $$"""
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Tier = Tier.Production, Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174,
                PublicUrl = {{publicUrl}},
                Settings = {{settings}},
            };
        }
        """;

    [Test]
    public Task Own_https_urls_are_clean() => AnalyzerSpec.Verify(Prod("\"https://app.example.org\"", "new AppSettings { WebuiUrl = $\"https://{Hosts.App}\", CorsAllowOrigins = [\"https://app.example.org\"] }"));

    [Test]
    public Task Webui_url_on_devs_host_is_reported() => AnalyzerSpec.Verify(Prod("\"https://app.example.org\"", "new AppSettings { WebuiUrl = {|FIX003:\"https://dev.example.org/\"|} }"));

    [Test]
    public Task Interpolated_constant_url_on_devs_host_is_reported() => AnalyzerSpec.Verify(Prod("\"https://app.example.org\"", "new AppSettings { FrontendBaseUrl = {|FIX003:$\"https://{Hosts.Dev}\"|} }"));

    [Test]
    public Task Public_url_on_devs_host_is_reported() => AnalyzerSpec.Verify(Prod("{|FIX003:\"https://dev.example.org\"|}", "new AppSettings()"));

    [Test]
    public Task Plain_http_and_localhost_are_reported() => AnalyzerSpec.Verify(Prod("{|FIX003:\"http://app.example.org\"|}", "new AppSettings { CorsAllowOrigins = [\"https://app.example.org\", {|FIX003:\"https://localhost:5174\"|}] }"));

    [Test]
    public Task Settings_inherited_from_dev_are_reported_at_the_with() => AnalyzerSpec.Verify(Dev + """
            public static readonly AppEnvironment Prod = {|FIX003:{|FIX003:Dev with|}|}
            {
                Name = "prod", Tier = Tier.Production, Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",
            };
        }
        """);

    [Test]
    public Task Development_environments_may_point_anywhere() => AnalyzerSpec.Verify(Dev + """
            public static readonly AppEnvironment Staging = Dev with { Name = "staging", Directory = "/srv/staging", BackendPort = 8082, FrontendPort = 5175 };
        }
        """);

    [Test]
    public Task Urls_known_only_at_run_time_are_not_reported() => AnalyzerSpec.Verify(Prod("System.Environment.GetEnvironmentVariable(\"URL\")!", "new AppSettings { WebuiUrl = System.Environment.GetEnvironmentVariable(\"URL\") }"));
}
