using Fixxit.Analyzers.Specs.Verifiers;

namespace Fixxit.Analyzers.Specs.Rules;

/// <summary>
/// The value rules see a value however it is written: literal, const of another class and file, constant expression,
/// const local, concatenation and interpolation of constants. Each case is a mistake written that way.
/// </summary>
public sealed class ValuePatternSpecs
{
    private const string Constants = """
        public static class C
        {
            public const int DevBackend = 8080;
            public const int Base = 8000;
            public const string DevHost = "dev.example.org";
            public const string Root = "/srv/dev";
        }
        """;

    private static string Envs(string prodMembers, string local = "") => $$"""
        public static class Envs
        {
            public static readonly AppEnvironment Dev = new()
            {
                Name = "dev", Tier = Tier.Development, Directory = "/srv/dev",
                BackendPort = 8080, FrontendPort = 5173, PublicUrl = "https://dev.example.org",
            };

            public static ServerHost Host()
            {
                {{local}}
                var prod = Dev with
                {
                    Name = "prod", Tier = Tier.Production, {{prodMembers}}
                };
                return new ServerHost { Name = "box", SshAddress = "127.0.0.1", User = "u", Environments = [Dev, prod] };
            }
        }
        """;

    private const string Valid = """Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org", """;

    [TestCase("C.DevBackend", "")]
    [TestCase("C.Base + 80", "")]
    [TestCase("port", "const int port = 8080;")]
    public Task FIX005_upstream_written_as(string upstream, string local) => AnalyzerSpec.Verify(
        Envs(Valid + $$"""Proxy = new ProxySite { Domain = "app.example.org", UpstreamPort = {|FIX005:{{upstream}}|} },""", local), Constants);

    [Test]
    public Task FIX005_a_parenthesized_value_is_reported_at_the_value_inside() => AnalyzerSpec.Verify(
        Envs(Valid + """Proxy = new ProxySite { Domain = "app.example.org", UpstreamPort = ({|FIX005:8080|}) },"""), Constants);

    [TestCase("C.DevBackend", "")]
    [TestCase("C.Base + 80", "")]
    [TestCase("port", "const int port = 8080;")]
    public Task FIX001_backend_written_as(string backend, string local) => AnalyzerSpec.Verify(
        Envs(Valid.Replace("BackendPort = 8081", "BackendPort = {|FIX001:" + backend + "|}", StringComparison.Ordinal), local), Constants);

    [TestCase("C.Base * 10", "")]
    [TestCase("port", "const int port = 65536;")]
    public Task FIX006_frontend_written_as(string frontend, string local) => AnalyzerSpec.Verify(
        Envs(Valid.Replace("FrontendPort = 5174", "FrontendPort = {|FIX006:" + frontend + "|}", StringComparison.Ordinal), local), Constants);

    [TestCase("\"https://\" + C.DevHost")]
    [TestCase("$\"https://{C.DevHost}/\"")]
    [TestCase("url", "const string url = \"https://\" + C.DevHost;")]
    [TestCase("$\"http://app.example.org:{C.Base + 443}\"")]
    public Task FIX003_webui_url_written_as(string url, string local = "") => AnalyzerSpec.Verify(
        Envs(Valid + $$"""Settings = new AppSettings { WebuiUrl = {|FIX003:{{url}}|} },""", local), Constants);

    [TestCase("C.Root")]
    [TestCase("C.Root + \"/prod\"")]
    [TestCase("$\"{C.Root}/prod\"")]
    public Task FIX007_directory_written_as(string directory) => AnalyzerSpec.Verify(
        Envs(Valid.Replace("Directory = \"/srv/prod\"", "Directory = {|FIX007:" + directory + "|}", StringComparison.Ordinal)), Constants);

    [Test]
    public Task The_same_shapes_with_right_values_are_clean() => AnalyzerSpec.Verify(
        Envs("""
            Directory = C.Root + "-prod", BackendPort = C.Base + 81, FrontendPort = 5174, PublicUrl = $"https://app.{"example.org"}",
            Settings = new AppSettings { WebuiUrl = "https://" + "app.example.org" }, Proxy = new ProxySite { Domain = "app.example.org", UpstreamPort = C.Base + 81 },
            """),
        Constants);
}
