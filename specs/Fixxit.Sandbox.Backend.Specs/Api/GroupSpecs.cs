using System.Net;
using Fixxit.Sandbox.Backend.Specs.Support;

namespace Fixxit.Sandbox.Backend.Specs.Api;

public sealed class GroupSpecs
{
    private static SeededBackend Backend => SeededBackend.Shared;

    [Test]
    public async Task Admin_lists_every_group_as_a_json_array_with_member_counts()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var groups = (await Backend.Client.Get("/api/v1/groups/", admin)).Json!.AsArray();
        groups.Select(g => g!["name"]!.GetValue<string>()).Should().Contain(Backend.Credentials.AllGroups);
        var engineering = groups.Single(g => g!["name"]!.GetValue<string>() == "Engineering")!.AsObject();
        engineering["member_count"]!.GetValue<long>().Should().BeGreaterThan(0);
        engineering.Select(p => p.Key).Should().Contain(["id", "user_id", "description", "data", "meta", "permissions", "created_at", "updated_at"])
            .And.NotContain("user_ids", "0.6.37+ moved members to group_member");
    }

    [Test]
    public async Task A_plain_user_lists_only_the_groups_they_belong_to()
    {
        var user = await Backend.SignInAs(Backend.Credentials.User);
        var groups = (await Backend.Client.Get("/api/v1/groups/", user)).Json!.AsArray();
        groups.Select(g => g!["name"]!.GetValue<string>()).Should().BeEquivalentTo(["Engineering"]);
    }

    [Test]
    public async Task Create_get_update_add_members_list_members_and_delete()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var name = $"Project {Guid.NewGuid():N}"[..16];
        var created = await Backend.Client.Post("/api/v1/groups/create", new { name, description = "temporary", permissions = new { }, data = new { color = "#aabbcc" } }, admin);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        var id = created.Json!["id"]!.GetValue<string>();
        created.Json!["member_count"]!.GetValue<long>().Should().Be(0);

        (await Backend.Client.Get($"/api/v1/groups/id/{id}", admin)).Json!["name"]!.GetValue<string>().Should().Be(name);
        var updated = await Backend.Client.Post($"/api/v1/groups/id/{id}/update", new { name = name + "!", description = "renamed" }, admin);
        updated.Json!["description"]!.GetValue<string>().Should().Be("renamed");

        var userId = (await Backend.Client.Get("/api/v1/auths/", await Backend.SignInAs(Backend.Credentials.User))).Json!["id"]!.GetValue<string>();
        var withMember = await Backend.Client.Post($"/api/v1/groups/id/{id}/users/add", new { user_ids = new[] { userId, "no-such-user" } }, admin);
        withMember.Json!["member_count"]!.GetValue<long>().Should().Be(1, "unknown ids are skipped");
        var members = (await Backend.Client.Post($"/api/v1/groups/id/{id}/users", null, admin)).Json!.AsArray();
        members.Select(m => m!["email"]!.GetValue<string>()).Should().BeEquivalentTo([Backend.Credentials.User.Email]);

        (await Backend.Client.Delete($"/api/v1/groups/id/{id}/delete", admin)).Text.Should().Be("true");
        var gone = await Backend.Client.Get($"/api/v1/groups/id/{id}", admin);
        gone.Status.Should().Be(HttpStatusCode.Unauthorized, "upstream answers a missing group with 401");
        gone.Detail.Should().Be(UpstreamTexts.NotFound);
    }
}
