using System.Text.Json.Nodes;
using Fixxit.Checklist.Features.Drivers;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// Removes what @mutating scenarios of earlier, crashed runs left on the environment under test: users and invitations
/// with a run-scoped check email, and the check account's chats with a run-scoped title. Runs once per run, before the
/// first @mutating scenario; never touches anything of the current run or anything not named by the checklist.
/// </summary>
public sealed class LeftoverSweeper
{
    private readonly ApiClient _api;
    private readonly Target _target;
    private readonly Lazy<Task> _once;

    public LeftoverSweeper(ApiClient api, Target target)
    {
        _api = api;
        _target = target;
        _once = new Lazy<Task>(SweepAsync);
    }

    public Task SweepOnceAsync() => _once.Value;

    private async Task SweepAsync()
    {
        var api = _api;
        var env = _target.UnderTest;
        var current = _target.RunId;
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

        if (!_target.Accounts.Has(Role.User)) return;
        var chats = await api.GetAsync(env, "/api/v1/chats/", Role.User).ConfigureAwait(false);
        foreach (var chat in Items(chats.Json))
        {
            var title = chat["title"]?.GetValue<string>();
            if (RunScopedNames.IsCheckTitle(title) && Old(title)) await api.DeleteAsync(env, $"/api/v1/chats/{chat["id"]}", Role.User).ConfigureAwait(false);
        }
    }

    private static IEnumerable<JsonObject> Items(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];
}
