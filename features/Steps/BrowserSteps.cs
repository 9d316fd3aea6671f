using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Support;
using Reqnroll;

namespace Fixxit.Checklist.Features.Steps;

/// <summary>Steps that put a signed-in role into the scenario's browser.</summary>
[Binding]
public sealed class BrowserSteps(ChecklistRun run, BrowserDriver browser)
{
    [Given("the admin is signed in in the browser")]
    public Task GivenTheAdminIsSignedIn() => browser.SignedInPageAsync(run.UnderTest, Role.Admin);

    [Given("the manager is signed in in the browser")]
    public Task GivenTheManagerIsSignedIn() => browser.SignedInPageAsync(run.UnderTest, Role.Manager);

    [Given("the user is signed in in the browser")]
    public Task GivenTheUserIsSignedIn() => browser.SignedInPageAsync(run.UnderTest, Role.User);
}
