using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Pages;
using Fixxit.Checklist.Features.Support;
using Fixxit.Masking;
using Reqnroll;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Steps;

[Binding]
public sealed class AuthenticationSteps(ChecklistRun run, InvitationLinks links, BrowserDriver browser, AppDriver app, ScenarioState state)
{
    [Given("the admin has invited a new check user")]
    public async Task GivenTheAdminHasInvitedANewCheckUser() =>
        state.Invitation = await app.InviteAsync(run.Names.Email("invitee")).ConfigureAwait(false);

    [When("the invitee opens the invitation link and registers")]
    public async Task WhenTheInviteeRegisters()
    {
        var invitation = Check.NotNull(state.Invitation, "no invitation was created in this scenario");
        await links.RequireOwnOriginAsync(invitation.Url).ConfigureAwait(false);
        state.NewUserEmail = invitation.Email;
        state.NewUserPassword = NewPassword();
        app.DeleteUserAfterScenario(invitation.Email);
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invite = new InviteAcceptPage(page, run.Selectors);
        await Check.ThatAsync(async () =>
        {
            await invite.OpenAsync(invitation.Url).ConfigureAwait(false);
            await invite.RegisterAsync("Fixxit Check " + run.Target.RunId, state.NewUserPassword).ConfigureAwait(false);
        }, $"registration through the invitation link fails on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the new user is signed in and sees the chat page")]
    public async Task ThenTheNewUserSeesTheChatPage()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(() => Expect(new ChatPage(page, run.BaseUrl()).Input).ToBeVisibleAsync(),
            $"the newly registered user does not reach the chat page on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the new user can sign in with their new password")]
    public async Task ThenTheNewUserCanSignIn()
    {
        var response = await run.Api.SignInAsync(run.UnderTest, state.NewUserEmail!, state.NewUserPassword!).ConfigureAwait(false);
        Check.That(response.IsSuccess, $"the newly registered user cannot sign in on {run.UnderTest.Name}: {response.Status} {response.Detail}");
        Check.That((string?)response.Json?["role"] == "user", $"the newly registered user got the role '{response.Json?["role"]}' instead of 'user' on {run.UnderTest.Name}");
    }

    [When("the pending user signs in through the API")]
    public async Task WhenThePendingUserSignsIn()
    {
        var account = run.Target.Accounts.For(Role.Pending);
        state.Responses = [await run.Api.SignInAsync(run.UnderTest, account.Email, account.Password).ConfigureAwait(false)];
    }

    [Then("the sign-in says the account is pending")]
    public void ThenTheSignInSaysPending()
    {
        var email = run.Target.Accounts.For(Role.Pending).Email;
        var response = state.Responses[0];
        // Upstream signs a pending user in (to show "Account Activation Pending") with the role "pending".
        Check.That(response.IsSuccess, $"the pending account {email} cannot sign in on {run.UnderTest.Name} to see that it is pending: {response.Status} {response.Detail}");
        var role = (string?)response.Json?["role"];
        Check.That(role == "pending", $"a pending user is let in on {run.UnderTest.Name}: {email} signs in with the role '{role}', not 'pending'");
    }

    [Then("the pending user is refused their chat list")]
    public async Task ThenThePendingUserIsRefused()
    {
        var email = run.Target.Accounts.For(Role.Pending).Email;
        var token = (string)state.Responses[0].Json!["token"]!;
        var url = new Uri(run.BaseUrl() + "/api/v1/chats/");
        var chats = await run.Api.SendToAsync(url, HttpMethod.Get, token, null).ConfigureAwait(false);
        Check.That(chats.Status is 401 or 403, $"a pending user is let in on {run.UnderTest.Name}: {email} reads its chat list ({chats.Status}) before an admin approved it");
    }

    [When("the user signs in on the sign-in page")]
    public async Task WhenTheUserSignsInOnTheSignInPage()
    {
        var account = run.Target.Accounts.For(Role.User);
        var page = await browser.PageAsync().ConfigureAwait(false);
        var signIn = new SignInPage(page, run.BaseUrl());
        await Check.ThatAsync(signIn.OpenAsync, $"the sign-in page of {run.UnderTest.Name} does not load").ConfigureAwait(false);
        await signIn.SignInAsync(account.Email, account.Password).ConfigureAwait(false);
    }

    [Then("the chat page is shown to the user")]
    public async Task ThenTheChatPageIsShown()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(async () =>
        {
            await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(run.BaseUrl()) + "/(c/.*)?$")).ConfigureAwait(false);
            await Expect(new ChatPage(page, run.BaseUrl()).Input).ToBeVisibleAsync().ConfigureAwait(false);
        }, $"an existing user cannot sign in on the sign-in page of {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [When("someone tries to sign in as the user with a wrong password")]
    public async Task WhenSomeoneUsesAWrongPassword() =>
        state.Response = await run.Api.SignInAsync(run.UnderTest, run.Target.Accounts.For(Role.User).Email, "wrong-" + Guid.NewGuid().ToString("N")).ConfigureAwait(false);

    [Then("the sign-in is refused with the message {string}")]
    public void ThenTheSignInIsRefused(string message)
    {
        var response = state.Response!;
        Check.That(response.Status == 400 && response.Detail == message,
            $"a wrong password is not refused as Open WebUI refuses it on {run.UnderTest.Name}: {response.Status} {response.Detail}");
    }

    [When("the admin opens the admin panel")]
    public async Task WhenTheAdminOpensTheAdminPanel()
    {
        await RequireRoleAsync(Role.Admin, "admin", "the admin dashboard").ConfigureAwait(false);
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(new AdminUsersPage(page, run.BaseUrl()).OpenAsync, $"the admin dashboard does not load on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the users table lists the admin's own account with the role {string}")]
    public Task ThenTheUsersTableListsTheAdmin(string role) => ListedWithRoleAsync(run.Target.Accounts.For(Role.Admin).Email, role, "the admin's own account");

    [Then("the users table lists the manager with the role {string}")]
    public Task ThenTheUsersTableListsTheManager(string role) => ListedWithRoleAsync(run.Target.Accounts.For(Role.Manager).Email, role, "the manager account");

    [Then("the users table lists the user with the role {string}")]
    public Task ThenTheUsersTableListsTheUser(string role) => ListedWithRoleAsync(run.Target.Accounts.For(Role.User).Email, role, "the user account");

    [Then("the user count shown equals the number of users the API reports")]
    public async Task ThenTheUserCountMatches()
    {
        var (total, _) = await app.UsersAsync().ConfigureAwait(false);
        var page = await browser.PageAsync().ConfigureAwait(false);
        // The whole number after "Users": a substring match would let "15" stand for 5.
        var exactly = new System.Text.RegularExpressions.Regex($@"^\s*Users\D*(?<!\d){total.ToString(System.Globalization.CultureInfo.InvariantCulture)}(?!\d)\D*$");
        var heading = new AdminUsersPage(page, run.BaseUrl()).Heading;
        await Check.ThatAsync(() => Expect(heading).ToHaveTextAsync(exactly),
            $"the User Management tab on {run.UnderTest.Name} does not show the {total} users the API reports").ConfigureAwait(false);
    }

    [When("the admin adds a new check user with the role {string} in the Add User dialog")]
    public async Task WhenTheAdminAddsACheckUser(string role)
    {
        state.NewUserEmail = run.Names.Email("added");
        state.NewUserPassword = NewPassword();
        app.DeleteUserAfterScenario(state.NewUserEmail);
        var page = await browser.PageAsync().ConfigureAwait(false);
        var users = new AdminUsersPage(page, run.BaseUrl());
        await Check.ThatAsync(async () =>
        {
            await users.OpenAsync().ConfigureAwait(false);
            await users.AddUserAsync(role, "Fixxit Check " + run.Target.RunId, state.NewUserEmail, state.NewUserPassword).ConfigureAwait(false);
        }, $"the admin cannot add a user in User Management on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the new check user is listed with the role {string}")]
    public Task ThenTheNewCheckUserIsListed(string role) => ListedWithRoleAsync(state.NewUserEmail!, role, "the added user");

    [When("the manager opens the manager dashboard")]
    public async Task WhenTheManagerOpensTheDashboard()
    {
        await RequireRoleAsync(Role.Manager, "manager", "the manager dashboard").ConfigureAwait(false);
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(new ManagerDashboardPage(page, run.BaseUrl(), run.Selectors).OpenAsync, $"the manager dashboard does not load for the manager on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the manager dashboard is shown without an error")]
    public async Task ThenTheManagerDashboardHasNoError()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var dashboard = new ManagerDashboardPage(page, run.BaseUrl(), run.Selectors);
        var managed = await app.ManagedGroupsAsync(Role.Manager).ConfigureAwait(false);
        await Check.ThatAsync(async () =>
        {
            await Expect(dashboard.GroupRows).ToHaveCountAsync(managed.Count).ConfigureAwait(false);
            await Expect(dashboard.Error).ToHaveCountAsync(0).ConfigureAwait(false);
        }, $"the manager dashboard on {run.UnderTest.Name} shows an error or not the manager's {managed.Count} groups").ConfigureAwait(false);
    }

    private async Task ListedWithRoleAsync(string email, string role, string who)
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var users = new AdminUsersPage(page, run.BaseUrl());
        await Check.ThatAsync(async () =>
        {
            await users.SearchAsync(email).ConfigureAwait(false);
            await Expect(users.RoleBadge(email)).ToHaveTextAsync(role).ConfigureAwait(false);
        }, $"User Management on {run.UnderTest.Name} does not list {who} ({email}) with the role '{role}'").ConfigureAwait(false);
    }

    private static string NewPassword()
    {
        var password = "Fx-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', '_').Replace('+', '-');
        SecretMasker.Shared.Register(password, "check user password");
        return password;
    }

    /// <summary>
    /// The account's role as the target reports it at sign-in: a dashboard refused because the account lost its role
    /// is reported as that cause, not as a page that did not load.
    /// </summary>
    private async Task RequireRoleAsync(Role role, string expected, string dashboard)
    {
        var session = await run.Api.SessionAsync(run.UnderTest, role).ConfigureAwait(false);
        Check.That(session.Role == expected,
            $"the {expected} account {session.Email} has the role '{session.Role}' on {run.UnderTest.Name}, not '{expected}': {dashboard} is refused to it");
    }
}
