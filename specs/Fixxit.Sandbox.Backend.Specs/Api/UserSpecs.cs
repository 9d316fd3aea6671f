using System.Net;
using Fixxit.Sandbox.Backend.Specs.Support;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Specs.Api;

public sealed class UserSpecs
{
    private static SeededBackend Backend => SeededBackend.Shared;

    [Test]
    public async Task List_has_the_0_6_41_shape_with_group_ids_and_no_api_key()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var body = (await Backend.Client.Get("/api/v1/users/?page=1", admin)).Json!;
        body.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["users", "total"]);
        var users = body["users"]!.AsArray();
        users.Should().NotBeEmpty();
        var manager = users.Single(u => u!["email"]!.GetValue<string>() == Backend.Credentials.Manager.Email)!.AsObject();
        manager["role"]!.GetValue<string>().Should().Be("manager");
        manager["group_ids"]!.AsArray().Should().NotBeEmpty();
        manager.Select(p => p.Key).Should().Contain(["id", "name", "email", "role", "profile_image_url", "last_active_at", "created_at", "updated_at", "status_emoji", "oauth"])
            .And.NotContain(["api_key", "oauth_sub"]);
    }

    [Test]
    public async Task Pages_hold_30_users_and_total_counts_all_matches()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var marker = $"pager{Guid.NewGuid():N}"[..12];
        InsertUsers(marker, 33);

        var first = (await Backend.Client.Get($"/api/v1/users/?query={marker}&page=1", admin)).Json!;
        var second = (await Backend.Client.Get($"/api/v1/users/?query={marker}&page=2", admin)).Json!;
        first["total"]!.GetValue<long>().Should().Be(33);
        first["users"]!.AsArray().Should().HaveCount(30);
        second["users"]!.AsArray().Should().HaveCount(3);
        var ids = first["users"]!.AsArray().Concat(second["users"]!.AsArray()).Select(u => u!["id"]!.GetValue<string>());
        ids.Should().OnlyHaveUniqueItems().And.HaveCount(33);
    }

    [Test]
    public async Task A_page_that_is_not_a_number_is_a_422()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        (await Backend.Client.Get("/api/v1/users/?page=two", admin)).Status.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task Deleting_a_user_returns_true_and_their_login_stops_working()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var email = $"leaver-{Guid.NewGuid():N}@example.test";
        var id = (await Backend.Client.Post("/api/v1/auths/add", new { name = "Leaver", email, password = "pw-leaver", role = "user" }, admin)).Json!["id"]!.GetValue<string>();

        var deleted = await Backend.Client.Delete($"/api/v1/users/{id}", admin);
        deleted.Text.Should().Be("true");
        (await Backend.Client.Post("/api/v1/auths/signin", new { email, password = "pw-leaver" })).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task The_primary_admin_cannot_be_deleted_and_upstream_reports_it_as_a_500()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var adminId = (await Backend.Client.Get("/api/v1/auths/", admin)).Json!["id"]!.GetValue<string>();
        var response = await Backend.Client.Delete($"/api/v1/users/{adminId}", admin);
        response.Status.Should().Be(HttpStatusCode.InternalServerError);
        response.Detail.Should().Be(UpstreamTexts.PrimaryAdmin);
    }

    [Test]
    public async Task Update_changes_the_role()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var email = $"promoted-{Guid.NewGuid():N}@example.test";
        var added = (await Backend.Client.Post("/api/v1/auths/add", new { name = "Promoted", email, password = "pw-promoted", role = "pending" }, admin)).Json!;
        var id = added["id"]!.GetValue<string>();

        var updated = await Backend.Client.Post($"/api/v1/users/{id}/update", new { role = "manager", name = "Promoted", email, profile_image_url = "/user.png" }, admin);
        updated.Status.Should().Be(HttpStatusCode.OK, updated.Text);
        updated.Json!["role"]!.GetValue<string>().Should().Be("manager");
        var token = await Backend.Client.SignIn(email, "pw-promoted");
        (await Backend.Client.Get("/api/v1/manager/groups", token)).Status.Should().Be(HttpStatusCode.OK, "a manager passes the fork's guard");
    }

    /// <summary>Adds users straight into webui.db (bcrypt-free) so paging can be checked quickly.</summary>
    private static void InsertUsers(string marker, int count)
    {
        using var connection = new SqliteConnection($"Data Source={Backend.Root.Database}");
        connection.Open();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var i = 0; i < count; i++)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO user (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
                VALUES ($id, $name, $email, 'user', '/user.png', $now, $now, $now)
                """;
            command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
            command.Parameters.AddWithValue("$name", $"{marker} {i}");
            command.Parameters.AddWithValue("$email", $"{marker}.{i}@example.test");
            command.Parameters.AddWithValue("$now", now + i);
            command.ExecuteNonQuery();
        }
    }
}
