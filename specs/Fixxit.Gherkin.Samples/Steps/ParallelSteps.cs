using Reqnroll;

namespace Fixxit.Gherkin.Samples.Steps;

/// <summary>
/// The two @parallel features meet at a barrier: each passes only if the other is running at the same moment, and
/// each checks its own scenario state survived the other one running beside it.
/// </summary>
[Binding]
public sealed class ParallelSteps(ScenarioContext scenario)
{
    private static readonly Barrier BothFeatures = new(2);

    [Given("my scenario value is {string}")]
    public void GivenMyScenarioValueIs(string value) => scenario["value"] = value;

    [When("the other parallel feature is running at the same time")]
    public static void WhenTheOtherIsRunning()
    {
        if (!BothFeatures.SignalAndWait(TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException("The other @parallel feature never ran at the same time as this one.");
        }
    }

    [Then("my scenario value is still {string}")]
    public void ThenMyScenarioValueIsStill(string expected)
    {
        var actual = (string)scenario["value"];
        if (actual != expected) throw new InvalidOperationException($"Scenario state leaked: expected {expected}, found {actual}.");
    }
}
