using Fixxit.Analyzers.Specs.Support;
using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Validation;
using Fixxit.Topologies;

namespace Fixxit.Analyzers.Specs.Topology;

/// <summary>
/// Compile time and run time agree: the same mistake, made once as a source edit of FixxitTopology.cs (analyzer) and
/// once on the built objects (TopologyValidator), yields the same rule IDs for Fixxit's real topology.
/// </summary>
public sealed class RunTimeAgreementSpecs
{
    public sealed record Case(string Name, string Before, string After, Func<AppEnvironment, AppEnvironment> Mutate)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<Case> Cases() =>
    [
        new("frontend left at dev's port", "FrontendPort = 5174", "FrontendPort = 5173", p => p with { FrontendPort = 5173 }),
        new("public URL on dev's host", "PublicUrl = \"https://app.fixxit.ai\"", "PublicUrl = \"https://dev.fixxit.ai\"", p => p with { PublicUrl = "https://dev.fixxit.ai" }),
        new("WEBUI_URL on dev's host", "WebuiUrl = \"https://app.fixxit.ai\"", "WebuiUrl = \"https://dev.fixxit.ai\"", p => p with { Settings = p.Settings with { WebuiUrl = "https://dev.fixxit.ai" } }),
        new("key pointed elsewhere", "Database = DatabaseSpec.CopyOf(Dev),", "Database = DatabaseSpec.CopyOf(Dev), Secrets = Dev.Secrets with { EncryptionKey = SecretRef.DotEnv(\"backend/.env\", \"PROD_ENCRYPTION_KEY\") },",
            p => p with { Secrets = p.Secrets with { EncryptionKey = SecretRef.DotEnv("backend/.env", "PROD_ENCRYPTION_KEY") } }),
        new("proxy to dev's backend", "UpstreamPort = 8081", "UpstreamPort = 8080", p => p with { Proxy = p.Proxy! with { UpstreamPort = 8080 } }),
        new("reserved backend port", "BackendPort = 8081,", "BackendPort = 443,", p => p with { BackendPort = 443 }),
        new("nested directory", "Directory = \"/home/ec2-user/fixxit.ai-openwebui-prod\",", "Directory = \"/home/ec2-user/fixxit.ai-openwebui/prod\",", p => p with { Directory = "/home/ec2-user/fixxit.ai-openwebui/prod" }),
        new("production-only install", "Tier = Tier.Production,", "Tier = Tier.Production, Dependencies = DependencyInstall.ProductionOnly,", p => p with { Dependencies = DependencyInstall.ProductionOnly }),
        new("Built frontend with production-only install", "Tier = Tier.Production,", "Tier = Tier.Production, Frontend = FrontendMode.Built, Dependencies = DependencyInstall.ProductionOnly,",
            p => p with { Frontend = FrontendMode.Built, Dependencies = DependencyInstall.ProductionOnly }),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task The_analyzer_and_the_validator_report_the_same_rules(Case mistake)
    {
        var prod = mistake.Mutate(FixxitTopology.Prod);
        var topology = FixxitTopology.Real with { Hosts = [FixxitTopology.Server with { Environments = [FixxitTopology.Dev, prod] }] };
        var runTime = TopologyValidator.Validate(topology).Select(p => p.Id).Distinct().Order(StringComparer.Ordinal).ToList();

        var sources = Directory.GetFiles(RepositoryPaths.Of("src", "Fixxit.Topologies"), "*.cs").Order(StringComparer.Ordinal)
            .Select(p => (Path: Path.GetFileName(p), Text: File.ReadAllText(p))).ToList();
        var index = sources.FindIndex(s => s.Path == "FixxitTopology.cs");
        var text = sources[index].Text;
        var at = text.IndexOf(mistake.Before, text.IndexOf("Prod = Dev with", StringComparison.Ordinal), StringComparison.Ordinal);
        at.Should().BeGreaterThan(0);
        sources[index] = (sources[index].Path, text[..at] + mistake.After + text[(at + mistake.Before.Length)..]);
        var compileTime = (await AnalyzerRun.DiagnosticsAsync(AnalyzerRun.Compile(sources)))
            .Where(d => d.Location.GetLineSpan().Path == "FixxitTopology.cs").Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();

        if (!mistake.Name.StartsWith("Built", StringComparison.Ordinal)) runTime.Should().NotBeEmpty("each case but the valid one is a mistake");
        compileTime.Should().Equal(runTime);
    }
}
