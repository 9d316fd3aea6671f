using System.Text.Json.Nodes;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// Removes what @mutating scenarios of earlier, crashed runs left on the environment under test: users and invitations
/// with a run-scoped check email, and the check account's chats with a run-scoped title. Runs once per run, before the
/// first @mutating scenario; never touches anything of the current run or anything not named by the checklist.
/// </summary>
public static class LeftoverSweeper
{
    private static readonly Lazy<Task> Once = new(SweepAsync);

    public static Task SweepOnceAsync() => Once.Value;

    private static async Task SweepAsync()
    {
        var api = RunContext.Api;
        var env = RunContext.Target.UnderTest;
        var current = RunContext.Target.RunId;
        bool Old(string? name) => name is not null && !name.Contains(current, StringComparison.Ordinal);

        var users = await api.GetAsync(env, $"/api/v1/users/?query={Uri.EscapeDataString(RunScopedNames.Prefix)}&page=1", Role.Admin).ConfigureAwait(false);
        foreach (var user in Items(users.Json?["users"]))
        {
            var email = user["email"]?.GetValue<string>();
            if (RunScopedNames.IsCheckEmail(email) && Old(email)) await api.DeleteAsync(env, $"/api/v1/users/{user["id"]}", Role.Admin).ConfigureAwait(false);
        }

        var invitations = await api.GetAsync(env, "/api/v1/invitations/", Role.Admin).ConfigureAwait(false);
        foreach (var invitation in Items(invitations.Json))
        {
            var email = invitation["email"]?.GetValue<string>();
            if (RunScopedNames.IsCheckEmail(email) && Old(email)) await api.DeleteAsync(env, $"/api/v1/invitations/{invitation["id"]}", Role.Admin).ConfigureAwait(false);
        }

        if (!RunContext.Target.Accounts.Has(Role.User)) return;
        var chats = await api.GetAsync(env, "/api/v1/chats/", Role.User).ConfigureAwait(false);
        foreach (var chat in Items(chats.Json))
        {
            var title = chat["title"]?.GetValue<string>();
            if (RunScopedNames.IsCheckTitle(title) && Old(title)) await api.DeleteAsync(env, $"/api/v1/chats/{chat["id"]}", Role.User).ConfigureAwait(false);
        }
    }

    private static IEnumerable<JsonObject> Items(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];
}
