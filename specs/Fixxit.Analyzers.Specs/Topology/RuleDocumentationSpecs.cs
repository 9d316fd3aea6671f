using Fixxit.Analyzers.Specs.Support;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Specs.Topology;

/// <summary>Every rule has its fixed ID, a help link to docs/rules/ID.md that exists, and a release-tracking entry.</summary>
public sealed class RuleDocumentationSpecs
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors = new TopologyAnalyzer().SupportedDiagnostics;

    [Test]
    public void The_analyzer_supports_exactly_the_eight_fixed_ids() =>
        Descriptors.Select(d => d.Id).Should().BeEquivalentTo(["FIX001", "FIX002", "FIX003", "FIX004", "FIX005", "FIX006", "FIX007", "FIX008"]);

    [Test]
    public void Each_rule_links_to_its_page_and_the_page_has_the_required_sections()
    {
        foreach (var descriptor in Descriptors)
        {
            descriptor.HelpLinkUri.Should().EndWith($"/docs/rules/{descriptor.Id}.md");
            var page = File.ReadAllText(RepositoryPaths.Of("docs", "rules", descriptor.Id + ".md"));
            page.Should().StartWith($"# {descriptor.Id}").And.Contain("## Why").And.Contain("## Wrong").And.Contain("## Right")
                .And.Contain("## Fix").And.Contain("## Suppress").And.Contain("dotnet_diagnostic." + descriptor.Id + ".severity");
        }
    }

    [Test]
    public void Each_rule_is_in_the_release_tracking_files()
    {
        var unshipped = File.ReadAllText(RepositoryPaths.Of("src", "Fixxit.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Descriptors) unshipped.Should().Contain($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity}");
    }
}
