using System.Text.RegularExpressions;
using System.Xml.Linq;
using Fixxit.Remote.Targets;

namespace Fixxit.Rehearsal.Specs.Contract;

/// <summary>
/// One list: every variable a real-target runsettings names is in the contract, and the production page documents
/// exactly the contract's variables, no more and no fewer.
/// </summary>
public sealed partial class OneDocumentedListSpecs
{
    private static readonly HashSet<string> Contract = [.. TargetVariables.All.Select(v => v.Name)];

    [TestCase("prod.runsettings")]
    [TestCase("dev.runsettings")]
    [TestCase("nightly.runsettings")]
    public void Every_variable_a_real_target_profile_names_is_in_the_contract(string file)
    {
        var parameters = XDocument.Load(Path.Combine(RepositoryRoot.Path, "runsettings", file)).Descendants("Parameter")
            .Where(p => ((string?)p.Attribute("name"))?.EndsWith("Variable", StringComparison.Ordinal) == true)
            .Select(p => (string)p.Attribute("value")!)
            .ToList();

        parameters.Should().NotBeEmpty();
        parameters.Should().OnlyContain(name => Contract.Contains(name), $"{file} names only the contract's variables");
    }

    [Test]
    public void The_production_page_documents_exactly_the_contracts_variables()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "running-against-production.md"));
        var table = page[page.IndexOf("## Secrets and addresses", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        var documented = TableRow().Matches(table).SelectMany(m => VariableName().Matches(m.Groups[1].Value).Select(v => v.Value)).ToHashSet();

        documented.Should().BeEquivalentTo(Contract);
    }

    [GeneratedRegex(@"^\| (`FIXXIT_[^|]*)\|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex("FIXXIT_[A-Z0-9_]+")]
    private static partial Regex VariableName();
}
