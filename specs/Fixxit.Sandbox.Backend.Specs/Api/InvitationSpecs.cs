using System.Net;
using Fixxit.Sandbox.Backend.Specs.Support;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Specs.Api;

/// <summary>
/// The plan's trap: prod runs on a copy of dev's database, whose <c>webui.url</c> wins over prod's .env. Here the
/// database is seeded with the dev URL and .env then says the prod URL, exactly as after the copy.
/// </summary>
public sealed class InvitationSpecs
{
    private const string DevUrl = "https://dev.example.test";
    private const string ProdUrl = "https://app.example.test";

    private SeededBackend _backend = null!;

    [OneTimeSetUp]
    public void Start() => _backend = SeededBackend.Start(Ports.Invitations, DevUrl, beforeStart: root => root.WriteEnv(ProdUrl, root.EncryptionKey));

    [OneTimeTearDown]
    public void Stop() => _backend.Dispose();

    private ApiClient Client => _backend.Client;

    [Test]
    public async Task The_link_uses_webui_url_from_the_database_over_env()
    {
        SetDatabaseWebUiUrl(DevUrl);
        var invitation = await Create($"copied-{Guid.NewGuid():N}@example.test", "user", null);
        invitation["url"]!.GetValue<string>().Should().StartWith($"{DevUrl}/auth/invite/").And.EndWith(invitation["token"]!.GetValue<string>());
    }

    [Test]
    public async Task The_link_uses_env_webui_url_when_the_database_has_none()
    {
        SetDatabaseWebUiUrl(null);
        try
        {
            var invitation = await Create($"fresh-{Guid.NewGuid():N}@example.test", "user", null);
            invitation["url"]!.GetValue<string>().Should().StartWith($"{ProdUrl}/auth/invite/");
        }
        finally
        {
            SetDatabaseWebUiUrl(DevUrl);
        }
    }

    [Test]
    public async Task A_revoked_invitation_cannot_be_used_and_says_so()
    {
        var invitation = await Create($"revoked-{Guid.NewGuid():N}@example.test", "user", null);
        var admin = await _backend.SignInAs(_backend.Credentials.Admin);
        var revoked = await Client.Post($"/api/v1/invitations/{invitation["id"]}/revoke", null, admin);
        revoked.Json!["status"]!.GetValue<string>().Should().Be("revoked");

        var token = invitation["token"]!.GetValue<string>();
        (await Client.Get($"/api/v1/invitations/token/{token}")).Json!["status"]!.GetValue<string>().Should().Be("revoked");
        var accept = await Client.Post("/api/v1/invitations/accept", new { token, name = "Too Late", password = "pw-too-late" });
        accept.Status.Should().Be(HttpStatusCode.BadRequest);
        accept.Detail.Should().Be("This invitation has been revoked");
        (await Client.Get($"/auth/invite/{token}")).Status.Should().Be(HttpStatusCode.OK, "the link opens the page, which shows the status");
    }

    [Test]
    public async Task Accepting_creates_the_user_with_the_invited_role_and_group_once()
    {
        var admin = await _backend.SignInAs(_backend.Credentials.Admin);
        var groups = (await Client.Get("/api/v1/groups/", admin)).Json!.AsArray();
        var support = groups.Single(g => g!["name"]!.GetValue<string>() == "Support")!["id"]!.GetValue<string>();
        var email = $"joiner-{Guid.NewGuid():N}@example.test";
        var invitation = await Create(email, "user", support);
        var token = invitation["token"]!.GetValue<string>();

        var page = await Client.Get($"/auth/invite/{token}");
        page.Text.Should().Contain("Create Account").And.Contain("id=\"password\"");
        var accepted = await Client.Post("/api/v1/invitations/accept", new { token, name = "Joiner", password = "pw-joiner-1" });
        accepted.Status.Should().Be(HttpStatusCode.OK, accepted.Text);
        accepted.Json!["role"]!.GetValue<string>().Should().Be("user");
        accepted.Json!["email"]!.GetValue<string>().Should().Be(email);

        var joinerToken = await Client.SignIn(email, "pw-joiner-1");
        var mine = (await Client.Get("/api/v1/groups/", joinerToken)).Json!.AsArray();
        mine.Select(g => g!["name"]!.GetValue<string>()).Should().BeEquivalentTo(["Support"]);
        var again = await Client.Post("/api/v1/invitations/accept", new { token, name = "Joiner", password = "pw-joiner-1" });
        again.Detail.Should().Be("This invitation has already been used");
    }

    [Test]
    public async Task A_manager_invites_into_their_own_groups_only()
    {
        var manager = await _backend.SignInAs(_backend.Credentials.Manager);
        var managed = (await Client.Get("/api/v1/manager/groups", manager)).Json!.AsArray();
        var admin = await _backend.SignInAs(_backend.Credentials.Admin);
        var all = (await Client.Get("/api/v1/groups/", admin)).Json!.AsArray();
        var own = managed[0]!["id"]!.GetValue<string>();
        var foreign = all.First(g => managed.All(m => m!["id"]!.GetValue<string>() != g!["id"]!.GetValue<string>()))!["id"]!.GetValue<string>();

        var ok = await Client.Post("/api/v1/invitations/create", new { email = $"team-{Guid.NewGuid():N}@example.test", role = "user", group_id = own }, manager);
        ok.Status.Should().Be(HttpStatusCode.OK, ok.Text);
        var refused = await Client.Post("/api/v1/invitations/create", new { email = $"other-{Guid.NewGuid():N}@example.test", role = "user", group_id = foreign }, manager);
        refused.Status.Should().Be(HttpStatusCode.Unauthorized);
        refused.Detail.Should().Be(UpstreamTexts.AccessProhibited);
        var listed = (await Client.Get("/api/v1/invitations/", manager)).Json!.AsArray();
        listed.Should().OnlyContain(i => i!["group_id"]!.GetValue<string>() == own, "a manager lists only the invitations they created");
    }

    [Test]
    public async Task Delete_removes_the_invitation()
    {
        var invitation = await Create($"deleted-{Guid.NewGuid():N}@example.test", "user", null);
        var admin = await _backend.SignInAs(_backend.Credentials.Admin);
        (await Client.Delete($"/api/v1/invitations/{invitation["id"]}", admin)).Text.Should().Be("true");
        var list = (await Client.Get("/api/v1/invitations/", admin)).Json!.AsArray();
        list.Should().NotContain(i => i!["id"]!.GetValue<string>() == invitation["id"]!.GetValue<string>());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> Create(string email, string role, string? groupId)
    {
        var admin = await _backend.SignInAs(_backend.Credentials.Admin);
        var response = await Client.Post("/api/v1/invitations/create", new { email, role, group_id = groupId }, admin);
        response.Status.Should().Be(HttpStatusCode.OK, response.Text);
        response.Json!.AsObject().Select(p => p.Key).Should().Contain(["id", "token", "url", "expires_at", "status"]);
        response.Json!["status"]!.GetValue<string>().Should().Be("pending");
        return response.Json!;
    }

    /// <summary>Sets or removes <c>webui.url</c> in the config row, as a copied database or a manual fix would.</summary>
    private void SetDatabaseWebUiUrl(string? url)
    {
        using var connection = new SqliteConnection($"Data Source={_backend.Root.Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = url is null
            ? "UPDATE config SET data = json_remove(data, '$.webui.url')"
            : "UPDATE config SET data = json_set(data, '$.webui.url', $url)";
        command.Parameters.AddWithValue("$url", url ?? "");
        command.ExecuteNonQuery();
    }
}
