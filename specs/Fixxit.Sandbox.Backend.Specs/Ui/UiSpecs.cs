using System.Text.RegularExpressions;
using Fixxit.Sandbox.Backend.Specs.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Sandbox.Backend.Specs.Ui;

/// <summary>
/// The DOM contract the checklist drives, in a real Chromium: upstream's sign-in and chat markup, and the fork's
/// invitations, manager and logs pages.
/// </summary>
public sealed class UiSpecs
{
    private Chromium _chromium = null!;

    private static SeededBackend Backend => SeededBackend.Shared;

    private static string BaseUrl => $"http://127.0.0.1:{Ports.Seeded}";

    [OneTimeSetUp]
    public async Task Launch()
    {
        if (!Chromium.Available) Assert.Ignore($"{Chromium.ExecutablePath} is not installed (eng/bootstrap.sh installs it)");
        _chromium = await Chromium.LaunchAsync();
        // Signup and invitation acceptance hash with bcrypt cost 12: generous waits for two busy cores.
        SetDefaultExpectTimeout(20_000);
    }

    [OneTimeTearDown]
    public async Task Close()
    {
        if (_chromium is not null) await _chromium.DisposeAsync();
    }

    [Test]
    public async Task Signing_in_through_the_form_stores_the_token_and_opens_the_chat()
    {
        var page = await _chromium.PageAsync();
        await page.GotoAsync($"{BaseUrl}/");
        await Expect(page).ToHaveURLAsync(new Regex(@"/auth\?redirect=%2F$"));
        await Expect(page.GetByText("Sign in to Open WebUI")).ToBeVisibleAsync();

        await page.Locator("input#email[type=email][autocomplete=email]").FillAsync(Backend.Credentials.Manager.Email);
        await page.Locator("input#password[type=password]").FillAsync(Backend.Credentials.Manager.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.Locator("#chat-input")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync($"{BaseUrl}/");
        (await page.EvaluateAsync<string?>("localStorage.getItem('token')")).Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task A_wrong_password_shows_upstreams_message_as_a_toast()
    {
        var page = await _chromium.PageAsync();
        await page.GotoAsync($"{BaseUrl}/auth");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"nobody-{Guid.NewGuid():N}@example.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = UpstreamTexts.InvalidCredentials })).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_message_gets_the_echo_reply_and_the_chat_appears_in_the_history()
    {
        var page = await _chromium.PageAsync(await Backend.SignInAs(Backend.Credentials.User));
        await page.GotoAsync($"{BaseUrl}/");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Select a model" })).ToHaveTextAsync("Echo");
        // Like upstream's ModelSelector, the entries come from /api/models: one per model, marked model-item.
        await page.GetByRole(AriaRole.Button, new() { Name = "Select a model" }).ClickAsync();
        await Expect(page.Locator("[aria-roledescription=model-item]")).ToHaveTextAsync(["Echo"]);
        await page.Keyboard.PressAsync("Escape");
        var send = page.Locator("button#send-message-button[type=submit]");
        await Expect(send).ToBeDisabledAsync();

        var text = $"hello {Guid.NewGuid():N}"[..18];
        await page.Locator("#chat-input").ClickAsync();
        await page.Locator("#chat-input").PressSequentiallyAsync(text);
        await Expect(send).ToBeEnabledAsync();
        await send.ClickAsync();

        await Expect(page.Locator(".chat-user").Last).ToHaveTextAsync(text);
        await Expect(page.Locator(".chat-assistant").Last).ToHaveTextAsync($"Echo: {text}");
        await Expect(page).ToHaveURLAsync(new Regex(@"/c/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = text, Exact = true })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.Locator(".chat-assistant")).ToHaveTextAsync($"Echo: {text}");
    }

    [Test]
    public async Task An_invitation_shows_its_url_and_once_revoked_its_link_says_so()
    {
        var page = await _chromium.PageAsync(await Backend.SignInAs(Backend.Credentials.Admin));
        await page.GotoAsync($"{BaseUrl}/admin/invitations");
        var email = $"ui-invite-{Guid.NewGuid():N}"[..20] + "@example.test";
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Email" }).FillAsync(email);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Role" }).SelectOptionAsync("user");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Invitation" }).ClickAsync();

        var url = page.Locator("#invitation-created code");
        await Expect(url).ToHaveTextAsync(new Regex("^https://app\\.example\\.test/auth/invite/[A-Za-z0-9_-]{43}$"));
        var token = (await url.TextContentAsync())!.Split('/')[^1];
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(row.Locator(".invitation-url")).ToHaveTextAsync(await url.TextContentAsync() ?? "");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke invitation for {email}" }).ClickAsync();
        await Expect(row.Locator(".invitation-status")).ToHaveTextAsync("revoked");

        var visitor = await _chromium.PageAsync();
        await visitor.GotoAsync($"{BaseUrl}/auth/invite/{token}");
        await Expect(visitor.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This invitation has been revoked");
        await Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "Create Account" })).ToBeHiddenAsync();
    }

    [Test]
    public async Task An_open_invitation_link_registers_the_user()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var email = $"ui-join-{Guid.NewGuid():N}"[..18] + "@example.test";
        var invitation = (await Backend.Client.Post("/api/v1/invitations/create", new { email, role = "user" }, admin)).Json!;

        var page = await _chromium.PageAsync();
        await page.GotoAsync($"{BaseUrl}/auth/invite/{invitation["token"]}");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Email" })).ToHaveValueAsync(email);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync("Invited Person");
        await page.Locator("#password").FillAsync("pw-invited-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Account" }).ClickAsync();
        await Expect(page.Locator("#chat-input")).ToBeVisibleAsync();
        (await Backend.Client.SignIn(email, "pw-invited-1")).Should().NotBeEmpty();
    }

    [Test]
    public async Task The_logs_page_lists_lines_and_filters_by_level_and_search()
    {
        var page = await _chromium.PageAsync(await Backend.SignInAs(Backend.Credentials.Admin));
        await page.GotoAsync($"{BaseUrl}/logs");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logs", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#logs-table")).ToHaveAttributeAsync("aria-busy", "false");
        (await page.Locator("#logs-table tbody tr").CountAsync()).Should().BeGreaterThan(0);

        // Web-first waits: the table settles when no row of another level / without the text is left.
        var levels = page.Locator("#logs-table tbody tr .log-level");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Level" }).SelectOptionAsync("WARNING");
        await Expect(levels.Filter(new() { HasNotText = "WARNING" })).ToHaveCountAsync(0);
        (await levels.CountAsync()).Should().BeGreaterThan(0);

        var messages = page.Locator("#logs-table tbody tr .log-message");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("Disk usage");
        await Expect(messages.Filter(new() { HasNotText = "Disk usage" })).ToHaveCountAsync(0);
        (await messages.CountAsync()).Should().BeGreaterThan(0);
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
    }

    [Test]
    public async Task The_manager_dashboard_lists_only_the_managed_groups_with_members()
    {
        var page = await _chromium.PageAsync(await Backend.SignInAs(Backend.Credentials.Manager));
        await page.GotoAsync($"{BaseUrl}/manager");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manager Dashboard" })).ToBeVisibleAsync();
        var names = page.Locator("#managed-groups-table tbody tr td:first-child");
        await Expect(names).ToHaveCountAsync(Backend.Credentials.ManagerGroups.Count);
        (await names.AllInnerTextsAsync()).Should().BeEquivalentTo(Backend.Credentials.ManagerGroups);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Members of {Backend.Credentials.ManagerGroups[0]}" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_pending_user_sees_the_activation_overlay()
    {
        var page = await _chromium.PageAsync(await Backend.SignInAs(Backend.Credentials.Pending));
        await page.GotoAsync($"{BaseUrl}/");
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Account Activation Pending" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Contact Admin for WebUI Access")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Check Again" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task The_admin_users_table_lists_the_seeded_users()
    {
        var page = await _chromium.PageAsync(await Backend.SignInAs(Backend.Credentials.Admin));
        await page.GotoAsync($"{BaseUrl}/admin/users");
        await Expect(page).ToHaveURLAsync($"{BaseUrl}/admin/users/overview");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Backend.Credentials.Manager.Email });
        await Expect(row.GetByRole(AriaRole.Button).First).ToHaveTextAsync("manager");
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Last Active" })).ToBeVisibleAsync();
    }
}
