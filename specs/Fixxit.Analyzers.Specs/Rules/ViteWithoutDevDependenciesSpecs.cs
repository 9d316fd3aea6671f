using Fixxit.Analyzers.Specs.Verifiers;

namespace Fixxit.Analyzers.Specs.Rules;

/// <summary>FIX008: production, Vite dev server (the default) and `npm install --production` together.</summary>
public sealed class ViteWithoutDevDependenciesSpecs
{
    private static string Envs(string devMembers, string prodMembers, string prodHead = "Dev with") => $$"""
        public static class Envs
        {
            public static readonly AppEnvironment Dev = new()
            {
                Name = "dev", Tier = Tier.Development, Directory = "/srv/dev",
                BackendPort = 8080, FrontendPort = 5173, PublicUrl = "https://dev.example.org",{{devMembers}}
            };
            public static readonly AppEnvironment Prod = {{prodHead}}
            {
                Name = "prod", Tier = Tier.Production, Directory = "/srv/prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",{{prodMembers}}
            };
        }
        """;

    [Test]
    public Task Production_only_install_with_the_default_vite_frontend_is_reported() =>
        AnalyzerSpec.Verify(Envs(string.Empty, " Dependencies = {|FIX008:DependencyInstall.ProductionOnly|},"));

    [Test]
    public Task A_production_only_install_inherited_from_dev_is_reported_at_the_with() =>
        AnalyzerSpec.Verify(Envs(" Dependencies = DependencyInstall.ProductionOnly,", string.Empty, "{|FIX008:Dev with|}"));

    [Test]
    public Task A_built_frontend_may_skip_dev_dependencies() =>
        AnalyzerSpec.Verify(Envs(string.Empty, " Frontend = FrontendMode.Built, Dependencies = DependencyInstall.ProductionOnly,"));

    [Test]
    public Task Development_may_skip_dev_dependencies() =>
        AnalyzerSpec.Verify(Envs(" Dependencies = DependencyInstall.ProductionOnly,", " Dependencies = DependencyInstall.All,"));
}
