using Fixxit.Gherkin.Samples.Support;
using Reqnroll;

namespace Fixxit.Gherkin.Samples.Steps;

[Binding]
public sealed class HookSteps
{
    [Given("the hook log is recorded")]
    public static void GivenTheHookLogIsRecorded() => HookLog.Add("Step");

    [Then("the hooks so far are {string}")]
    public static void ThenTheHooksSoFarAre(string expected)
    {
        var actual = string.Join(", ", HookLog.Snapshot().Where(h => h != "Step"));
        if (actual != expected) throw new InvalidOperationException($"Hooks ran as [{actual}], expected [{expected}].");
    }
}
