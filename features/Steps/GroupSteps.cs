using System.Text.Json.Nodes;
using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Pages;
using Fixxit.Checklist.Features.Support;
using Reqnroll;
using static Microsoft.Playwright.Assertions;

namespace Fixxit.Checklist.Features.Steps;

[Binding]
public sealed class GroupSteps(ChecklistRun run, BrowserDriver browser, AppDriver app, ScenarioState state)
{
    [Then("the dashboard lists the groups the manager manages")]
    public async Task ThenTheDashboardListsTheManagersGroups()
    {
        var expected = await ExpectedManagerGroupsAsync().ConfigureAwait(false);
        var page = await browser.PageAsync().ConfigureAwait(false);
        var shown = await Check.ThatAsync(() => new ManagerDashboardPage(page, run.BaseUrl(), run.Selectors).GroupNamesAsync(expected.Count),
            $"the manager dashboard on {run.UnderTest.Name} does not list the manager's {expected.Count} groups ({string.Join(", ", expected)})").ConfigureAwait(false);
        Check.That(shown.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)),
            $"the manager dashboard on {run.UnderTest.Name} lists other groups than the manager's: shows {string.Join(", ", shown)}; expected {string.Join(", ", expected)}");
    }

    [Then("every managed group shows the same members as the API")]
    public async Task ThenEveryManagedGroupShowsItsMembers()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var dashboard = new ManagerDashboardPage(page, run.BaseUrl(), run.Selectors);
        var groups = await app.ManagedGroupsAsync(Role.Manager).ConfigureAwait(false);
        Check.That(groups.Count > 0, $"the manager manages no group on {run.UnderTest.Name}, so no members can be shown");
        foreach (var group in groups)
        {
            var name = (string)group["name"]!;
            var members = AppDriver.Json(await app.GroupMembersAsync(Role.Manager, (string)group["id"]!).ConfigureAwait(false),
                $"the manager cannot read the members of their group '{name}' on {run.UnderTest.Name}").AsArray();
            var table = dashboard.Members(name);
            await Check.ThatAsync(() => Expect(table.GetByRole(Microsoft.Playwright.AriaRole.Row)).ToHaveCountAsync(members.Count + 1),
                $"the manager dashboard on {run.UnderTest.Name} does not show the {members.Count} members of '{name}'").ConfigureAwait(false);
            foreach (var member in members.OfType<JsonObject>())
            {
                await Check.ThatAsync(() => Expect(table).ToContainTextAsync((string)member["email"]!),
                    $"the manager dashboard on {run.UnderTest.Name} does not show the member {(string?)member["email"]} of '{name}'").ConfigureAwait(false);
            }
        }
    }

    [When("the manager asks for the groups they manage")]
    public async Task WhenTheManagerAsksForGroups() => state.Groups = await app.ManagedGroupsAsync(Role.Manager).ConfigureAwait(false);

    [Then("only the manager's own groups are returned")]
    public async Task ThenOnlyTheManagersGroupsAreReturned()
    {
        var manager = await run.Api.SessionAsync(run.UnderTest, Role.Manager).ConfigureAwait(false);
        var foreign = state.Groups.Where(g => !(g["manager_ids"] as JsonArray ?? []).Any(id => (string?)id == manager.UserId)).Select(g => (string?)g["name"]).ToList();
        Check.That(state.Groups.Count > 0, $"the manager sees no group at all on {run.UnderTest.Name}");
        Check.That(foreign.Count == 0, $"a manager sees groups they do not manage on {run.UnderTest.Name}: {string.Join(", ", foreign)}");
        var expected = run.Target.Accounts.ManagerGroups;
        if (expected.Count > 0)
        {
            var names = state.Groups.Select(g => (string)g["name"]!).Order(StringComparer.Ordinal).ToList();
            Check.That(names.SequenceEqual(expected.Order(StringComparer.Ordinal)),
                $"the manager's groups on {run.UnderTest.Name} are {string.Join(", ", names)}, expected {string.Join(", ", expected)}");
        }
    }

    [Then("the manager is refused the members of a group they do not manage")]
    public async Task ThenTheManagerIsRefusedOtherMembers()
    {
        var all = await app.GroupsAsync(Role.Admin).ConfigureAwait(false);
        var mine = state.Groups.Select(g => (string?)g["id"]).ToHashSet();
        var other = all.FirstOrDefault(g => !mine.Contains((string?)g["id"]));
        Check.That(other is not null, $"every group on {run.UnderTest.Name} is managed by the manager, so 'only their groups' cannot be shown");
        var response = await app.GroupMembersAsync(Role.Manager, (string)other!["id"]!).ConfigureAwait(false);
        Check.That(response.Status is 401 or 403 or 404,
            $"a manager can read the members of '{other["name"]}', a group they do not manage, on {run.UnderTest.Name} ({response.Status})");
    }

    [When("the admin asks for all groups")]
    public async Task WhenTheAdminAsksForAllGroups() => state.Groups = await app.GroupsAsync(Role.Admin).ConfigureAwait(false);

    [Then("every group in the database of the environment under test is returned")]
    public async Task ThenEveryGroupInTheDatabaseIsReturned()
    {
        using var db = await run.Databases.OpenAsync(run.UnderTest).ConfigureAwait(false);
        var inDatabase = db.CountRows("group");
        var returned = state.Groups.Count;
        Check.That(returned == inDatabase && inDatabase > 0,
            $"an admin sees {returned} groups on {run.UnderTest.Name} but its database holds {inDatabase}");
    }

    [When("the admin opens the groups page")]
    public async Task WhenTheAdminOpensTheGroupsPage()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        await Check.ThatAsync(new AdminGroupsPage(page, run.BaseUrl()).OpenAsync, $"the admin's groups page does not load on {run.UnderTest.Name}").ConfigureAwait(false);
    }

    [Then("every group the API knows is listed on the page")]
    public async Task ThenEveryGroupIsListed()
    {
        var page = await browser.PageAsync().ConfigureAwait(false);
        var groups = new AdminGroupsPage(page, run.BaseUrl());
        foreach (var group in await app.GroupsAsync(Role.Admin).ConfigureAwait(false))
        {
            var name = (string)group["name"]!;
            await Check.ThatAsync(() => Expect(groups.GroupLink(name)).ToBeVisibleAsync(), $"the admin's groups page on {run.UnderTest.Name} does not list the group '{name}'").ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<string>> ExpectedManagerGroupsAsync()
    {
        var configured = run.Target.Accounts.ManagerGroups;
        if (configured.Count > 0) return configured;
        return [.. (await app.ManagedGroupsAsync(Role.Manager).ConfigureAwait(false)).Select(g => (string)g["name"]!)];
    }
}
