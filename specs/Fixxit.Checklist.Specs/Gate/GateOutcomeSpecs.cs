namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// A gate that judged nothing is not a pass: <c>fixxit gate --filter</c> that selects no scenario exits 2 (docs/cli.md)
/// and says so, where it once printed "gate passed". The same run shows the checklist's build is not checked again
/// when nothing changed since it was built (the specs' own build is the last one).
/// </summary>
[NonParallelizable]
public sealed class GateOutcomeSpecs
{
    [Test]
    [Order(10)]
    public async Task A_filter_that_selects_no_scenario_fails_the_gate_with_exit_2()
    {
        var (exitCode, output, results) = await GateSandbox.RunCliGateAsync("FullyQualifiedName~No_scenario_is_named_like_this", skipApply: true);
        try
        {
            exitCode.Should().Be(2, output);
            output.Should().Contain("selected no scenario: nothing was judged").And.NotContain("gate passed");
            output.Should().NotContain("building the checklist", "the features were built with the specs and nothing changed since");
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }
}
