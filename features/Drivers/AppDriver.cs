using System.Text.Json.Nodes;
using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;
using Fixxit.Masking;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// The app's HTTP API in the checklist's words, on one environment: upstream Open WebUI routes plus the fork's
/// invitations, manager dashboard and logs. Every call that fails says which call and what the backend answered.
/// </summary>
public sealed class AppDriver(ChecklistRun run, ScenarioCleanup cleanup)
{
    private ApiClient Api => run.Api;

    public AppEnvironment UnderTest => run.UnderTest;

    /// <summary>A run-scoped invitation created by the admin; deleted after the scenario whatever happens.</summary>
    public async Task<Invitation> InviteAsync(string email, string role = "user")
    {
        var response = await Api.PostAsync(UnderTest, "/api/v1/invitations/create", Role.Admin, new { email, role }).ConfigureAwait(false);
        var created = Json(response, $"the admin cannot create an invitation on {UnderTest.PublicHost}").AsObject();
        var invitation = Invitation.From(created);
        DeleteInvitationAfterScenario(invitation);
        return invitation;
    }

    public void DeleteInvitationAfterScenario(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        cleanup.Add($"invitation for {invitation.Email}", () => DeleteInvitationIfPresentAsync(invitation.Id));
    }

    public async Task<IReadOnlyList<Invitation>> InvitationsAsync()
    {
        var response = await Api.GetAsync(UnderTest, "/api/v1/invitations/", Role.Admin).ConfigureAwait(false);
        return [.. Json(response, "the admin cannot list invitations").AsArray().OfType<JsonObject>().Select(Invitation.From)];
    }

    public async Task DeleteInvitationIfPresentAsync(string id)
    {
        var response = await Api.DeleteAsync(UnderTest, $"/api/v1/invitations/{id}", Role.Admin).ConfigureAwait(false);
        if (!response.IsSuccess && response.Status != 404) throw new InvalidOperationException(response.ToString());
    }

    public Task<ApiResponse> InvitationByTokenAsync(string token) => Api.GetAsync(UnderTest, $"/api/v1/invitations/token/{Uri.EscapeDataString(token)}");

    /// <summary>Deletes a check user by email if it exists (cleanup for accounts the UI created).</summary>
    public void DeleteUserAfterScenario(string email) => cleanup.Add($"user {email}", async () =>
    {
        var found = await Api.GetAsync(UnderTest, $"/api/v1/users/?query={Uri.EscapeDataString(email)}&page=1", Role.Admin).ConfigureAwait(false);
        foreach (var user in (found.Json?["users"] as JsonArray ?? []).OfType<JsonObject>().Where(u => (string?)u["email"] == email))
        {
            var deleted = await Api.DeleteAsync(UnderTest, $"/api/v1/users/{user["id"]}", Role.Admin).ConfigureAwait(false);
            if (!deleted.IsSuccess) throw new InvalidOperationException(deleted.ToString());
        }
    });

    public async Task<(int Total, IReadOnlyList<JsonObject> Users)> UsersAsync(string query = "")
    {
        var response = await Api.GetAsync(UnderTest, $"/api/v1/users/?query={Uri.EscapeDataString(query)}&page=1", Role.Admin).ConfigureAwait(false);
        var json = Json(response, "the admin cannot list users");
        return (json["total"]!.GetValue<int>(), [.. (json["users"] as JsonArray ?? []).OfType<JsonObject>()]);
    }

    public async Task<IReadOnlyList<JsonObject>> GroupsAsync(Role role)
    {
        var response = await Api.GetAsync(UnderTest, "/api/v1/groups/", role).ConfigureAwait(false);
        return [.. Json(response, $"the {Name(role)} cannot list groups").AsArray().OfType<JsonObject>()];
    }

    public async Task<IReadOnlyList<JsonObject>> ManagedGroupsAsync(Role role)
    {
        var response = await Api.GetAsync(UnderTest, "/api/v1/manager/groups", role).ConfigureAwait(false);
        return [.. Json(response, $"the {Name(role)} cannot load the manager dashboard's groups").AsArray().OfType<JsonObject>()];
    }

    public Task<ApiResponse> GroupMembersAsync(Role role, string groupId) =>
        Api.GetAsync(UnderTest, $"/api/v1/manager/groups/{groupId}/members", role);

    public Task<ApiResponse> LogsAsync(string query = "") => Api.GetAsync(UnderTest, "/api/v1/logs/" + query, Role.Admin);

    public async Task<IReadOnlyList<string>> ModelIdsAsync(Role role)
    {
        var response = await Api.GetAsync(UnderTest, "/api/models", role).ConfigureAwait(false);
        var data = Json(response, $"the models cannot be loaded for the {Name(role)}")["data"] as JsonArray ?? [];
        return [.. data.OfType<JsonObject>().Select(m => (string?)m["id"] ?? string.Empty)];
    }

    /// <summary>The display name of every model /api/models offers <paramref name="role"/>, in the API's order.</summary>
    public async Task<IReadOnlyList<string>> ModelNamesAsync(Role role)
    {
        var response = await Api.GetAsync(UnderTest, "/api/models", role).ConfigureAwait(false);
        var data = Json(response, $"the models cannot be loaded for the {Name(role)}")["data"] as JsonArray ?? [];
        return [.. data.OfType<JsonObject>().Select(m => (string?)m["name"] ?? (string?)m["id"] ?? string.Empty)];
    }

    public async Task<IReadOnlyList<JsonObject>> ChatsAsync(Role role)
    {
        var response = await Api.GetAsync(UnderTest, "/api/v1/chats/", role).ConfigureAwait(false);
        return [.. Json(response, $"the {Name(role)}'s chat history cannot be loaded").AsArray().OfType<JsonObject>()];
    }

    /// <summary>A saved run-scoped chat of <paramref name="role"/> with one exchange, deleted after the scenario.</summary>
    public async Task<string> CreateChatAsync(Role role, string title, string prompt, string reply)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var user = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["parentId"] = null, ["role"] = "user", ["content"] = prompt, ["timestamp"] = now };
        var assistant = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["parentId"] = (string)user["id"]!, ["role"] = "assistant", ["content"] = reply, ["timestamp"] = now };
        var chat = new JsonObject
        {
            ["id"] = "", ["title"] = title, ["models"] = new JsonArray(), ["params"] = new JsonObject(), ["tags"] = new JsonArray(),
            ["messages"] = new JsonArray(user.DeepClone(), assistant.DeepClone()),
            ["history"] = new JsonObject
            {
                ["messages"] = new JsonObject { [(string)user["id"]!] = user.DeepClone(), [(string)assistant["id"]!] = assistant.DeepClone() },
                ["currentId"] = (string)assistant["id"]!,
            },
            ["timestamp"] = now * 1000,
        };
        var response = await Api.PostAsync(UnderTest, "/api/v1/chats/new", role, new JsonObject { ["chat"] = chat, ["folder_id"] = null }).ConfigureAwait(false);
        var id = (string?)Json(response, $"the {Name(role)} cannot create a chat")["id"] ?? throw new ChecklistFailure("the new chat has no id");
        DeleteChatAfterScenario(role, id);
        return id;
    }

    public void DeleteChatAfterScenario(Role role, string id) => cleanup.Add($"chat {id}", async () =>
    {
        var deleted = await Api.DeleteAsync(UnderTest, $"/api/v1/chats/{id}", role).ConfigureAwait(false);
        if (!deleted.IsSuccess && deleted.Status != 401 && deleted.Status != 404) throw new InvalidOperationException(deleted.ToString());
    });

    public static JsonNode Json(ApiResponse response, string cause)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccess || response.Json is null) throw new ChecklistFailure($"{cause}: {response.Status} {response.Detail}", response.ToString());
        return response.Json;
    }

    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>One of the fork's invitations as the API describes it.</summary>
    public sealed record Invitation(string Id, string Email, string Token, string Url, string Status)
    {
        public static Invitation From(JsonObject o)
        {
            // The token is a capability: whoever has it can create the account.
            SecretMasker.Shared.Register((string?)o["token"], "invitation token");
            return Create(o);
        }

        private static Invitation Create(JsonObject o) => new(
            (string?)o["id"] ?? string.Empty, (string?)o["email"] ?? string.Empty, (string?)o["token"] ?? string.Empty,
            (string?)o["url"] ?? string.Empty, (string?)o["status"] ?? string.Empty);
    }
}
