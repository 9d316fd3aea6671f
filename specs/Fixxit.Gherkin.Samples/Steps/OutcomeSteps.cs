using Reqnroll;

namespace Fixxit.Gherkin.Samples.Steps;

[Binding]
public sealed class OutcomeSteps
{
    [Given("a step that is still pending")]
    public static void PendingStep() => throw new PendingStepException();
}
