using Fixxit.Analyzers.Specs.Verifiers;

namespace Fixxit.Analyzers.Specs.Rules;

/// <summary>FIX001 fires on every way a port can be written or inherited, and not on separate ports.</summary>
public sealed class PortCollisionSpecs
{
    private const string Dev = """
        public static class Envs
        {
            public static readonly AppEnvironment Dev = new()
            {
                Name = "dev", Tier = Tier.Development, Directory = "/srv/dev",
                BackendPort = 8080, FrontendPort = 5173, PublicUrl = "https://dev.example.org",
            };
        """;

    [Test]
    public Task Prod_frontend_written_as_devs_port_collides() => AnalyzerSpec.Verify(Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = {|FIX001:5173|}, PublicUrl = "https://app.example.org",
            };
        }
        """);

    [Test]
    public Task Prod_inheriting_devs_frontend_port_collides_at_the_with() => AnalyzerSpec.Verify(Dev + """
            public static readonly AppEnvironment Prod = {|FIX001:Dev with|}
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, PublicUrl = "https://app.example.org",
            };
        }
        """);

    [Test]
    public Task Const_from_another_file_and_constant_expression_are_seen() => AnalyzerSpec.Verify(
        Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = {|FIX001:Ports.Base + 80|}, FrontendPort = 5174, PublicUrl = "https://app.example.org",
            };
        }
        """,
        "public static class Ports { public const int Base = 8000; }");

    [Test]
    public Task Environments_in_different_files_and_classes_are_compared() => AnalyzerSpec.Verify(
        Dev + "}",
        """
        public static class ProdEnvs
        {
            public static readonly AppEnvironment Prod = Envs.Dev with { Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = {|FIX001:5173|}, PublicUrl = "https://app.example.org" };
            public static readonly ServerHost Host = new() { Name = "box", SshAddress = "127.0.0.1", User = "u", Environments = [Envs.Dev, Prod] };
        }
        """);

    [Test]
    public Task Backend_equal_to_frontend_collides() => AnalyzerSpec.Verify("""
        public static class Envs
        {
            public static readonly AppEnvironment Only = new()
            {
                Name = "only", Tier = Tier.Development, Directory = "/srv/only",
                BackendPort = 8080, FrontendPort = {|FIX001:8080|}, PublicUrl = "https://dev.example.org",
            };
        }
        """);

    [Test]
    public Task Separate_ports_are_clean() => AnalyzerSpec.Verify(Dev + """
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",
            };
        }
        """);

    [Test]
    public Task Environments_on_different_hosts_may_share_ports() => AnalyzerSpec.Verify(Dev + """
            public static readonly AppEnvironment Other = Dev with { Name = "other", Directory = "/srv/dev2" };
            public static readonly ServerHost A = new() { Name = "a", SshAddress = "127.0.0.1", User = "u", Environments = [Dev] };
            public static readonly ServerHost B = new() { Name = "b", SshAddress = "127.0.0.2", User = "u", Environments = [Other] };
        }
        """);

    [Test]
    public Task Ports_known_only_at_run_time_are_not_reported() => AnalyzerSpec.Verify(Dev + """
            public static AppEnvironment Make(int port) => Dev with { Name = "x", Directory = "/srv/x", BackendPort = port, FrontendPort = port + 1 };
        }
        """);
}
