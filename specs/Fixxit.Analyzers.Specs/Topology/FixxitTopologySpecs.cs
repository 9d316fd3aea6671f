using Fixxit.Analyzers.Specs.Support;
using Fixxit.Cryptography;
using Fixxit.Masking;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Specs.Topology;

/// <summary>
/// Fixxit's real topology (src/Fixxit.Topologies, read from the repository) is clean, and each one-line mistake the
/// issue names is reported with the right ID on the edited line. IDs are written out: they are the fixed contract
/// (and the shared RuleIds class exists in both the analyzer and the library this project references).
/// </summary>
public sealed class FixxitTopologySpecs
{
    private const string TopologyFile = "FixxitTopology.cs";

    private static List<(string Path, string Text)> Sources() =>
        Directory.GetFiles(RepositoryPaths.Of("src", "Fixxit.Topologies"), "*.cs").Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p))).ToList();

    [Test]
    public async Task The_real_and_sandbox_topologies_are_clean()
    {
        var sources = Sources();
        sources.Select(s => s.Path).Should().Contain([TopologyFile, "SandboxTopology.cs"]);
        (await AnalyzerRun.DiagnosticsAsync(AnalyzerRun.Compile(sources))).Should().BeEmpty();
    }

    [TestCase("FrontendPort = 5174", "FrontendPort = 5173", "FIX001")]
    [TestCase("PublicUrl = \"https://app.fixxit.ai\"", "PublicUrl = \"https://dev.fixxit.ai\"", "FIX003")]
    [TestCase("WebuiUrl = \"https://app.fixxit.ai\"", "WebuiUrl = \"https://dev.fixxit.ai\"", "FIX003")]
    [TestCase("Database = DatabaseSpec.CopyOf(Dev),", "Database = DatabaseSpec.CopyOf(Dev), Secrets = Dev.Secrets with { EncryptionKey = SecretRef.DotEnv(\"backend/.env\", \"PROD_ENCRYPTION_KEY\") },", "FIX002")]
    [TestCase("UpstreamPort = 8081", "UpstreamPort = 8080", "FIX005")]
    [TestCase("Tier = Tier.Production,", "Tier = Tier.Production, Dependencies = DependencyInstall.ProductionOnly,", "FIX008")]
    [TestCase("BackendPort = 8081,", "BackendPort = 443,", "FIX006")]
    [TestCase("Directory = \"/home/ec2-user/fixxit.ai-openwebui-prod\",", "Directory = \"/home/ec2-user/fixxit.ai-openwebui/prod\",", "FIX007")]
    public Task A_one_line_edit_to_prod_is_reported_on_that_line(string before, string after, string id, bool inProd = true) =>
        ExpectOnEditedLine(before, after, id, inProd);

    [Test]
    public Task A_fernet_key_pasted_as_a_string_is_reported_on_that_line()
    {
        var key = FernetKey.Generate().ToCanonicalString();
        SecretMasker.Shared.Register(key, "generated Fernet key");
        key.Should().HaveLength(44).And.EndWith("=", "a canonical Fernet key is 32 bytes in base64url");
        return ExpectOnEditedLine("EnvironmentSecrets.EncryptionKeyName)", $"\"{key}\")", "FIX004", inProd: false);
    }

    private static async Task ExpectOnEditedLine(string before, string after, string id, bool inProd)
    {
        var sources = Sources();
        var index = sources.FindIndex(s => s.Path == TopologyFile);
        var text = sources[index].Text;
        var from = inProd ? text.IndexOf("Prod = Dev with", StringComparison.Ordinal) : 0;
        var at = text.IndexOf(before, from, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"the topology should contain '{before}'");
        sources[index] = (TopologyFile, text[..at] + after + text[(at + before.Length)..]);
        var editedLine = text[..at].Count(c => c == '\n');

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(AnalyzerRun.Compile(sources));

        diagnostics.Should().Contain(d => d.Id == id && d.Location.GetLineSpan().Path == TopologyFile && d.Location.GetLineSpan().StartLinePosition.Line == editedLine,
            $"{id} should point at line {editedLine + 1}; got {string.Join("; ", diagnostics.Select(d => SecretMasker.Shared.Mask(d.ToString())))}");
        diagnostics.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Error);
    }
}
