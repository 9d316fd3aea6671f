using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Pages;
using Fixxit.Checklist.Features.Support;
using Reqnroll;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Steps;

[Binding]
public sealed class InvitationSteps(ChecklistRun run, InvitationLinks links, BrowserDriver browser, AppDriver app, ScenarioState state)
{
    [When("the admin creates an invitation for a new check user on the invitations page")]
    public async Task WhenTheAdminCreatesAnInvitationOnThePage()
    {
        var email = run.Names.Email("invited");
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invitations = new InvitationsPage(page, run.BaseUrl(), run.Selectors);
        await Check.ThatAsync(async () =>
        {
            await invitations.OpenAsync().ConfigureAwait(false);
            await invitations.CreateAsync(email, "user").ConfigureAwait(false);
        }, $"the admin cannot create an invitation on the invitations page of {run.UnderTest.Name}").ConfigureAwait(false);
        var created = (await app.InvitationsAsync().ConfigureAwait(false)).FirstOrDefault(i => i.Email == email);
        if (created is not null) app.DeleteInvitationAfterScenario(created);
        state.Invitation = Check.NotNull(created, $"the invitation created on the page of {run.UnderTest.Name} is not known to the API");
    }

    [When("the admin creates an invitation for a new check user through the API")]
    public async Task WhenTheAdminCreatesAnInvitationThroughTheApi() =>
        state.Invitation = await app.InviteAsync(run.Names.Email("invited")).ConfigureAwait(false);

    [Then("the invitation is listed with the status {string}")]
    public async Task ThenTheInvitationIsListedWithStatus(string status)
    {
        var invitation = state.Invitation!;
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(() => Expect(new InvitationsPage(page, run.BaseUrl(), run.Selectors).Status(invitation.Email)).ToHaveTextAsync(status),
            $"the invitation for {invitation.Email} is not listed as '{status}' on the invitations page of {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the page shows the invitation URL")]
    public async Task ThenThePageShowsTheInvitationUrl()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var url = await Check.ThatAsync(async () =>
        {
            var shown = new InvitationsPage(page, run.BaseUrl(), run.Selectors).CreatedUrl;
            await Expect(shown).ToContainTextAsync("/").ConfigureAwait(false);
            return await shown.InnerTextAsync().ConfigureAwait(false);
        }, $"the invitations page of {run.UnderTest.Name} does not show the new invitation's URL").ConfigureAwait(false);
        await links.RequireOwnOriginAsync(url.Trim()).ConfigureAwait(false);
    }

    [Then("the invitation URL starts with the public URL of the environment under test")]
    public Task ThenTheInvitationUrlIsOwnDomain() => links.RequireOwnOriginAsync(state.Invitation!.Url);

    [When("the admin reads the WebUI URL the backend uses for links")]
    public async Task WhenTheAdminReadsTheWebUiUrl() =>
        state.Response = await run.Api.GetAsync(run.UnderTest, "/api/v1/auths/admin/config", Role.Admin).ConfigureAwait(false);

    [Then("it is the public URL of the environment under test")]
    public Task ThenItIsThePublicUrl()
    {
        var json = AppDriver.Json(state.Response!, $"the admin cannot read the admin config of {run.UnderTest.Name}");
        var url = (string?)json["WEBUI_URL"] ?? string.Empty;
        return links.RequireOwnOriginAsync(url.Length == 0 ? "(empty)" : url.TrimEnd('/') + "/auth/invite/…", "WEBUI_URL for invitation links");
    }

    [When("the invitee opens the invitation link")]
    public async Task WhenTheInviteeOpensTheLink()
    {
        var invitation = Check.NotNull(state.Invitation, "no invitation was created in this scenario");
        await links.RequireOwnOriginAsync(invitation.Url).ConfigureAwait(false);
        var page = await browser.PageAsync().ConfigureAwait(false);
        await new InviteAcceptPage(page, run.Selectors).OpenAsync(invitation.Url).ConfigureAwait(false);
    }

    [Then("the registration page offers to create the invited account")]
    public async Task ThenTheRegistrationPageOffersTheAccount()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invite = new InviteAcceptPage(page, run.Selectors);
        await Check.ThatAsync(async () =>
        {
            await Expect(invite.Email).ToHaveValueAsync(state.Invitation!.Email).ConfigureAwait(false);
            await Expect(invite.Submit).ToBeEnabledAsync().ConfigureAwait(false);
        }, $"the invitation link does not open the registration page for {state.Invitation!.Email} on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [When("the admin revokes the invitation on the invitations page")]
    public async Task WhenTheAdminRevokes()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invitations = new InvitationsPage(page, run.BaseUrl(), run.Selectors);
        await Check.ThatAsync(async () =>
        {
            await invitations.OpenAsync().ConfigureAwait(false);
            await invitations.RevokeAsync(state.Invitation!.Email).ConfigureAwait(false);
        }, $"the admin cannot revoke an invitation on the invitations page of {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the invitation link says {string}")]
    public async Task ThenTheInvitationLinkSays(string message)
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invite = new InviteAcceptPage(page, run.Selectors);
        await invite.OpenAsync(state.Invitation!.Url).ConfigureAwait(false);
        await Check.ThatAsync(() => Expect(invite.Problem).ToHaveTextAsync(message),
            $"a revoked invitation link still works on {run.UnderTest.Name} (expected \"{message}\")").ConfigureAwait(false);
    }

    [When("the admin deletes the invitation on the invitations page")]
    public async Task WhenTheAdminDeletes()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invitations = new InvitationsPage(page, run.BaseUrl(), run.Selectors);
        await Check.ThatAsync(async () =>
        {
            await invitations.OpenAsync().ConfigureAwait(false);
            await invitations.DeleteAsync(state.Invitation!.Email).ConfigureAwait(false);
        }, $"the admin cannot delete an invitation on the invitations page of {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the invitation is no longer listed")]
    public async Task ThenTheInvitationIsNoLongerListed()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(() => Expect(new InvitationsPage(page, run.BaseUrl(), run.Selectors).Row(state.Invitation!.Email)).ToHaveCountAsync(0),
            $"a deleted invitation is still listed on the invitations page of {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("the invitation link is no longer valid")]
    public async Task ThenTheInvitationLinkIsNoLongerValid()
    {
        var response = await app.InvitationByTokenAsync(state.Invitation!.Token).ConfigureAwait(false);
        Check.That(response.Status == 404, $"a deleted invitation's link still resolves on {run.UnderTest.Name} ({response.Status})");
    }
}
