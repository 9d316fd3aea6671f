using System.Net;
using Fixxit.Sandbox.Backend.Specs.Support;

namespace Fixxit.Sandbox.Backend.Specs.Api;

public sealed class ManagerSpecs
{
    private static SeededBackend Backend => SeededBackend.Shared;

    [Test]
    public async Task A_manager_sees_only_the_groups_they_manage()
    {
        var manager = await Backend.SignInAs(Backend.Credentials.Manager);
        var groups = (await Backend.Client.Get("/api/v1/manager/groups", manager)).Json!.AsArray();
        groups.Select(g => g!["name"]!.GetValue<string>()).Should().BeEquivalentTo(Backend.Credentials.ManagerGroups);
        Backend.Credentials.ManagerGroups.Should().HaveCountLessThan(Backend.Credentials.AllGroups.Count, "otherwise the check proves nothing");
    }

    [Test]
    public async Task An_admin_sees_all_groups()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var groups = (await Backend.Client.Get("/api/v1/manager/groups", admin)).Json!.AsArray();
        groups.Select(g => g!["name"]!.GetValue<string>()).Should().Contain(Backend.Credentials.AllGroups);
    }

    [Test]
    public async Task A_manager_reads_members_of_their_group_but_not_of_another()
    {
        var manager = await Backend.SignInAs(Backend.Credentials.Manager);
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var all = (await Backend.Client.Get("/api/v1/manager/groups", admin)).Json!.AsArray();
        string IdOf(string name) => all.Single(g => g!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
        var other = Backend.Credentials.AllGroups.Except(Backend.Credentials.ManagerGroups).First();

        var own = await Backend.Client.Get($"/api/v1/manager/groups/{IdOf(Backend.Credentials.ManagerGroups[0])}/members", manager);
        own.Status.Should().Be(HttpStatusCode.OK);
        own.Json!.AsArray().Should().NotBeEmpty();
        var foreign = await Backend.Client.Get($"/api/v1/manager/groups/{IdOf(other)}/members", manager);
        foreign.Status.Should().Be(HttpStatusCode.Unauthorized);
        foreign.Detail.Should().Be(UpstreamTexts.AccessProhibited);
    }

    [Test]
    public async Task A_plain_user_is_refused_the_manager_dashboard_api()
    {
        var user = await Backend.SignInAs(Backend.Credentials.User);
        var response = await Backend.Client.Get("/api/v1/manager/groups", user);
        response.Status.Should().Be(HttpStatusCode.Unauthorized);
        response.Detail.Should().Be(UpstreamTexts.AccessProhibited);
    }
}
