using Reqnroll;

namespace Fixxit.Gherkin.Samples;

[Binding]
public sealed class CalculatorSteps
{
    private int _value;

    [Given("the number {int}")]
    public void GivenTheNumber(int number) => _value = number;

    [When("I add {int}")]
    public void WhenIAdd(int number) => _value += number;

    [Then("the result is {int}")]
    public void ThenTheResultIs(int expected)
    {
        if (_value != expected) throw new InvalidOperationException($"expected {expected} but was {_value}");
    }
}
