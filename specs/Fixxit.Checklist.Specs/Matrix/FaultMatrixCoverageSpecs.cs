using Fixxit.Checklist.Specs.Coverage;
using Fixxit.Sandbox.Faults;

namespace Fixxit.Checklist.Specs.Matrix;

/// <summary>
/// The matrix is complete without running it: every fault the sandbox ships has a row, every scenario of the
/// checklist is failed by at least one fault (or is listed, with the reason, as not yet killed), and docs/faults.md
/// describes every fault.
/// </summary>
public sealed class FaultMatrixCoverageSpecs
{
    private static IReadOnlyList<string> ScenarioMethods =>
        [.. FeatureScenarios.Read(RepositoryPaths.FeatureFiles).Select(s => MethodName(s.Title)).Distinct(StringComparer.Ordinal)];

    [Test]
    public void Every_fault_in_the_catalog_has_exactly_one_row()
    {
        FaultMatrix.Cases.Select(c => c.Fault).Should().BeEquivalentTo(FaultCatalog.Names).And.OnlyHaveUniqueItems();
    }

    [Test]
    public void Every_fault_names_its_cause_in_at_least_one_scenario()
    {
        FaultMatrix.Cases.Where(c => c.Names.Count == 0).Select(c => c.Fault).Should().BeEmpty();
    }

    [Test]
    public void Every_scenario_is_failed_by_some_fault_or_listed_with_the_reason_it_is_not()
    {
        var killed = ScenarioMethods.Where(m => FaultMatrix.Cases.SelectMany(c => c.Failing).Any(f => m.Contains(FaultCase.MethodFragment(f), StringComparison.Ordinal))).ToList();
        ScenarioMethods.Except(killed).Should().BeEquivalentTo(FaultMatrix.NotYetKilled.Keys);
    }

    [Test]
    public void Every_scenario_fragment_of_the_matrix_names_a_scenario_that_exists()
    {
        var methods = ScenarioMethods;
        FaultMatrix.Cases.SelectMany(c => c.Scenarios).Select(FaultCase.MethodFragment)
            .Where(f => !methods.Any(m => m.Contains(f, StringComparison.Ordinal))).Should().BeEmpty();
    }

    [Test]
    public void Faults_sharing_a_run_touch_disjoint_scenarios()
    {
        foreach (var run in FaultMatrix.Runs.Where(r => r.Count > 1))
        {
            var fragments = run.SelectMany(c => c.Scenarios.Distinct().Select(f => (c.Fault, Fragment: f))).ToList();
            var shared = fragments.GroupBy(f => f.Fragment).Where(g => g.Select(f => f.Fault).Distinct().Count() > 1).Select(g => g.Key);
            shared.Should().BeEmpty($"faults in one run ({string.Join(", ", run.Select(c => c.Fault))}) must not judge the same scenario");
        }

        FaultMatrix.Runs.SelectMany(r => r).Select(c => c.Fault).Should().BeEquivalentTo(FaultCatalog.Names, "every fault runs exactly once");
    }

    [Test]
    public void Docs_faults_md_has_a_row_for_every_fault()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "faults.md"));
        FaultCatalog.Names.Where(n => !doc.Contains($"| `{n}` |", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Test]
    public void A_method_name_is_the_title_s_words_joined_as_the_generator_joins_them()
    {
        MethodName("The <environment> environment's start_server.sh and backend/.env carry its own ports and URLs")
            .Should().Be("The_environment_environment_s_start_server_sh_and_backend_env_carry_its_own_ports_and_URLs");
    }

    /// <summary>The generated test method's name: the title's letters and digits, words joined by '_' (Fixxit.Gherkin.Generator).</summary>
    private static string MethodName(string title) =>
        string.Join('_', new string([.. title.Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
