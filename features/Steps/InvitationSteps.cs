using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Pages;
using Fixxit.Checklist.Features.Support;
using Reqnroll;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Steps;

[Binding]
public sealed class InvitationSteps(BrowserDriver browser, AppDriver app, ScenarioState state)
{
    [When("the admin creates an invitation for a new check user on the invitations page")]
    public async Task WhenTheAdminCreatesAnInvitationOnThePage()
    {
        var email = RunScopedNames.Email("invited");
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invitations = new InvitationsPage(page, Env.BaseUrl());
        await Check.ThatAsync(async () =>
        {
            await invitations.OpenAsync().ConfigureAwait(false);
            await invitations.CreateAsync(email, "user").ConfigureAwait(false);
        }, $"the admin cannot create an invitation on the invitations page of {Env.Name}").ConfigureAwait(false);
        var created = (await app.InvitationsAsync().ConfigureAwait(false)).FirstOrDefault(i => i.Email == email);
        if (created is not null) app.DeleteInvitationAfterScenario(created);
        state.Invitation = Check.NotNull(created, $"the invitation created on the page of {Env.Name} is not known to the API");
    }

    [When("the admin creates an invitation for a new check user through the API")]
    public async Task WhenTheAdminCreatesAnInvitationThroughTheApi() =>
        state.Invitation = await app.InviteAsync(RunScopedNames.Email("invited")).ConfigureAwait(false);

    [Then("the invitation is listed with the status {string}")]
    public async Task ThenTheInvitationIsListedWithStatus(string status)
    {
        var invitation = state.Invitation!;
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(() => Expect(new InvitationsPage(page, Env.BaseUrl()).Status(invitation.Email)).ToHaveTextAsync(status),
            $"the invitation for {invitation.Email} is not listed as '{status}' on the invitations page of {Env.Name}").ConfigureAwait(false);
    }

    [Then("the page shows the invitation URL")]
    public async Task ThenThePageShowsTheInvitationUrl()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var url = await Check.ThatAsync(async () =>
        {
            var shown = new InvitationsPage(page, Env.BaseUrl()).CreatedUrl;
            await Expect(shown).ToContainTextAsync("/").ConfigureAwait(false);
            return await shown.InnerTextAsync().ConfigureAwait(false);
        }, $"the invitations page of {Env.Name} does not show the new invitation's URL").ConfigureAwait(false);
        await RequireOwnOriginAsync(url.Trim()).ConfigureAwait(false);
    }

    [Then("the invitation URL starts with the public URL of the environment under test")]
    public Task ThenTheInvitationUrlIsOwnDomain() => RequireOwnOriginAsync(state.Invitation!.Url);

    [When("the admin reads the WebUI URL the backend uses for links")]
    public async Task WhenTheAdminReadsTheWebUiUrl() =>
        state.Response = await RunContext.Api.GetAsync(Env.UnderTest, "/api/v1/auths/admin/config", Role.Admin).ConfigureAwait(false);

    [Then("it is the public URL of the environment under test")]
    public Task ThenItIsThePublicUrl()
    {
        var json = AppDriver.Json(state.Response!, $"the admin cannot read the admin config of {Env.Name}");
        var url = (string?)json["WEBUI_URL"] ?? string.Empty;
        return RequireOwnOriginAsync(url.Length == 0 ? "(empty)" : url.TrimEnd('/') + "/auth/invite/…", "WEBUI_URL for invitation links");
    }

    [When("the invitee opens the invitation link")]
    public async Task WhenTheInviteeOpensTheLink()
    {
        var invitation = Check.NotNull(state.Invitation, "no invitation was created in this scenario");
        await RequireOwnOriginAsync(invitation.Url).ConfigureAwait(false);
        var page = await browser.PageAsync().ConfigureAwait(false);
        await new InviteAcceptPage(page).OpenAsync(invitation.Url).ConfigureAwait(false);
    }

    [Then("the registration page offers to create the invited account")]
    public async Task ThenTheRegistrationPageOffersTheAccount()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invite = new InviteAcceptPage(page);
        await Check.ThatAsync(async () =>
        {
            await Expect(invite.Email).ToHaveValueAsync(state.Invitation!.Email).ConfigureAwait(false);
            await Expect(invite.Submit).ToBeEnabledAsync().ConfigureAwait(false);
        }, $"the invitation link does not open the registration page for {state.Invitation!.Email} on {Env.Name}").ConfigureAwait(false);
    }

    [When("the admin revokes the invitation on the invitations page")]
    public async Task WhenTheAdminRevokes()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invitations = new InvitationsPage(page, Env.BaseUrl());
        await Check.ThatAsync(async () =>
        {
            await invitations.OpenAsync().ConfigureAwait(false);
            await invitations.RevokeAsync(state.Invitation!.Email).ConfigureAwait(false);
        }, $"the admin cannot revoke an invitation on the invitations page of {Env.Name}").ConfigureAwait(false);
    }

    [Then("the invitation link says {string}")]
    public async Task ThenTheInvitationLinkSays(string message)
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invite = new InviteAcceptPage(page);
        await invite.OpenAsync(state.Invitation!.Url).ConfigureAwait(false);
        await Check.ThatAsync(() => Expect(invite.Problem).ToHaveTextAsync(message),
            $"a revoked invitation link still works on {Env.Name} (expected \"{message}\")").ConfigureAwait(false);
    }

    [When("the admin deletes the invitation on the invitations page")]
    public async Task WhenTheAdminDeletes()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var invitations = new InvitationsPage(page, Env.BaseUrl());
        await Check.ThatAsync(async () =>
        {
            await invitations.OpenAsync().ConfigureAwait(false);
            await invitations.DeleteAsync(state.Invitation!.Email).ConfigureAwait(false);
        }, $"the admin cannot delete an invitation on the invitations page of {Env.Name}").ConfigureAwait(false);
    }

    [Then("the invitation is no longer listed")]
    public async Task ThenTheInvitationIsNoLongerListed()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(() => Expect(new InvitationsPage(page, Env.BaseUrl()).Row(state.Invitation!.Email)).ToHaveCountAsync(0),
            $"a deleted invitation is still listed on the invitations page of {Env.Name}").ConfigureAwait(false);
    }

    [Then("the invitation link is no longer valid")]
    public async Task ThenTheInvitationLinkIsNoLongerValid()
    {
        var response = await app.InvitationByTokenAsync(state.Invitation!.Token).ConfigureAwait(false);
        Check.That(response.Status == 404, $"a deleted invitation's link still resolves on {Env.Name} ({response.Status})");
    }

    /// <summary>
    /// An invitation link must point at the environment it was created on. The usual cause when it does not is the
    /// persisted webui.url a copied dev database brought along, so the failure names that value.
    /// </summary>
    public static async Task RequireOwnOriginAsync(string url, string what = "invitation link")
    {
        var own = Env.BaseUrl();
        if (url.StartsWith(own + "/", StringComparison.OrdinalIgnoreCase)) return;
        var shown = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
        var persisted = await PersistedUrlEvidenceAsync().ConfigureAwait(false);
        throw new ChecklistFailure(
            $"{Env.Name} {what} points at {shown}, not {Env.UnderTest.PublicHost}{persisted}",
            $"invitation URL: {url}; expected it to start with {own}/");
    }

    private static async Task<string> PersistedUrlEvidenceAsync()
    {
        try
        {
            using var db = await RunContext.Databases.OpenAsync(Env.UnderTest).ConfigureAwait(false);
            var value = db.ReadConfig()?.WebuiUrl;
            return value is null ? ": the database persists no webui.url" : $": {Env.Name} DB's persisted webui.url is {value}";
        }
        catch (Exception e) when (e is ChecklistFailure or IOException or InvalidOperationException or Fixxit.OpenWebUi.Database.OpenWebUiDatabaseException)
        {
            return string.Empty;
        }
    }
}
