using Fixxit.Gherkin.Samples.Support;
using Reqnroll;

namespace Fixxit.Gherkin.Samples.Steps;

[Binding]
public sealed class CalculatorSteps(Calculator calculator)
{
    [Given("the number {int}")]
    public void GivenTheNumber(int number) => calculator.Value = number;

    [When("I add {int}")]
    public void WhenIAdd(int number) => calculator.Value += number;

    [Then("the result is {int}")]
    public void ThenTheResultIs(int expected)
    {
        if (calculator.Value != expected)
        {
            throw new InvalidOperationException($"Expected the result {expected} but it was {calculator.Value}.");
        }
    }
}
