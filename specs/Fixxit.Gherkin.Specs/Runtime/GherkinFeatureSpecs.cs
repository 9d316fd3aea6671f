using Fixxit.Gherkin.NUnit;

namespace Fixxit.Gherkin.Specs.Runtime;

/// <summary>The run-time side compiles the embedded feature exactly as the generator did, or says why not.</summary>
public sealed class GherkinFeatureSpecs
{
    private const string Feature = "Feature: F\n  Scenario: a\n    Given x\n  Scenario Outline: b\n    Given <y>\n    Examples:\n      | y |\n      | 1 |\n      | 2 |\n";

    [Test]
    public void A_feature_loads_with_one_case_per_scenario_and_example_row()
    {
        var feature = GherkinFeature.Load(typeof(GherkinFeatureSpecs), "Features/F.feature", 3, Feature);

        feature.RelativePath.Should().Be("Features/F.feature");
        feature.Compiled.Cases.Select(c => c.Pickle.Name).Should().Equal("a", "b", "b");
        feature.Info.Title.Should().Be("F");
        feature.Info.FolderPath.Should().Be("Features");
    }

    [Test]
    public void A_stale_generated_fixture_is_named_with_the_fix() =>
        FluentActions.Invoking(() => GherkinFeature.Load(typeof(GherkinFeatureSpecs), "Features/F.feature", 2, Feature))
            .Should().Throw<InvalidOperationException>().WithMessage("Features/F.feature: the generator emitted 2 tests but the runtime compiled 3; rebuild the project.");
}
