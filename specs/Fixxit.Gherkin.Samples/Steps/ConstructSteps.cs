using Reqnroll;

namespace Fixxit.Gherkin.Samples.Steps;

[Binding]
public sealed class ConstructSteps(ScenarioContext scenario)
{
    [Given("these users:")]
    public void GivenTheseUsers(DataTable users) => scenario["users"] = users;

    // A regular expression, to show both expression styles match.
    [Then(@"^there are (\d+) users and ""(.*)"" is a manager$")]
    public void ThenUsers(int count, string manager)
    {
        var users = (DataTable)scenario["users"];
        if (users.RowCount != count) throw new InvalidOperationException($"Expected {count} users, got {users.RowCount}.");
        if (users.Rows.Single(r => r["name"] == manager)["role"] != "manager") throw new InvalidOperationException($"{manager} is not a manager.");
    }

    [Given("this text:")]
    public void GivenThisText(string text) => scenario["text"] = text;

    [Then("the text has {int} lines")]
    public void ThenTheTextHasLines(int lines)
    {
        var actual = ((string)scenario["text"]).Split('\n').Length;
        if (actual != lines) throw new InvalidOperationException($"Expected {lines} lines, got {actual}.");
    }

    [Then("this step would fail")]
    public static void ThisStepWouldFail() => throw new InvalidOperationException("An ignored scenario must not run.");
}
