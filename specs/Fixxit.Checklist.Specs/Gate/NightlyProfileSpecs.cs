using System.Text.RegularExpressions;
using Fixxit.Checklist.Specs.Coverage;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// The nightly profile (its TestCaseFilter, taken from runsettings/nightly.runsettings) runs exactly the @prod-safe
/// scenarios, passes on a healthy sandbox, and leaves both databases' contents as they were.
/// </summary>
[NonParallelizable]
public sealed partial class NightlyProfileSpecs
{
    [Test]
    [Order(0)]
    public async Task The_nightly_profile_runs_only_prod_safe_scenarios_passes_and_leaves_the_databases_unchanged()
    {
        var nightlyFilter = System.Xml.Linq.XDocument.Load(RepositoryPaths.Runsettings("nightly")).Descendants("TestCaseFilter").Single().Value.Trim();
        var info = GateSandbox.Info;
        var prodDb = info.Prod.PathOf(info.Prod.Database.Path);
        var devDb = info.Dev.PathOf(info.Dev.Database.Path);
        var before = (Prod: DatabaseContents.Read(prodDb, GateSandbox.Work), Dev: DatabaseContents.Read(devDb, GateSandbox.Work));

        var gate = await GateSandbox.RunGateAsync("nightly", filter: null, testCaseFilter: nightlyFilter);

        gate.ExitCode.Should().Be(0, string.Join("\n", gate.Failed.Select(f => $"{f.Name}: {f.Message}")) + "\n" + gate.Output);
        var expected = FeatureScenarios.Read(RepositoryPaths.FeatureFiles).Where(s => s.Tags.Contains("prod-safe")).ToList();
        var ran = gate.Scenarios.Select(s => Outline().Replace(s.Name, string.Empty)).ToList();
        ran.Should().HaveCount(expected.Sum(s => s.Rows), "every @prod-safe scenario (and example row) runs at night, nothing else");
        ran.Distinct().Should().BeEquivalentTo(expected.Select(s => MethodName(s.Title)).Distinct());
        gate.Scenarios.Should().OnlyContain(s => s.Outcome == "Passed");

        DatabaseContents.Read(prodDb, GateSandbox.Work).Should().BeEquivalentTo(before.Prod, o => o.WithStrictOrdering(), "the nightly run must not write to prod's database");
        DatabaseContents.Read(devDb, GateSandbox.Work).Should().BeEquivalentTo(before.Dev, o => o.WithStrictOrdering(), "the nightly run must not write to dev's database");
    }

    /// <summary>The generated test name of a scenario title (the bridge joins its words with underscores).</summary>
    private static string MethodName(string title) => Words().Replace(title, "_").Trim('_');

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\(.*\)$")]
    private static partial Regex Outline();
}
