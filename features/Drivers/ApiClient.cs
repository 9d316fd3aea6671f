using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;
using Fixxit.Masking;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// The run's HTTP client to the target's public URLs (names mapped, CA pinned). Authenticates like Open WebUI's own
/// frontend: sign in once per role and environment, then send <c>Authorization: Bearer</c>. Tokens are secrets.
/// </summary>
public sealed class ApiClient(Target target) : IDisposable
{
    private readonly HttpClient _http = target.CreateHttpClient();
    private readonly ConcurrentDictionary<(string Env, Role Role), Lazy<Task<SessionInfo>>> _sessions = new();
    private readonly SigninBudget _budget = new();

    /// <summary>The signed-in user a role's token belongs to.</summary>
    public sealed record SessionInfo(string Token, string UserId, string Email, string Role);

    public async Task<SessionInfo> SessionAsync(AppEnvironment environment, Role role)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var key = (environment.Name, role);
        var session = _sessions.GetOrAdd(key, _ => new Lazy<Task<SessionInfo>>(() => SignInRoleAsync(environment, role)));
        try
        {
            return await session.Value.ConfigureAwait(false);
        }
        catch (ChecklistFailure)
        {
            // A failed sign-in is not remembered: the next scenario tries again (within the sign-in budget).
            _sessions.TryRemove(new KeyValuePair<(string Env, Role Role), Lazy<Task<SessionInfo>>>(key, session));
            throw;
        }
    }

    public async Task<string> TokenAsync(AppEnvironment environment, Role role) => (await SessionAsync(environment, role).ConfigureAwait(false)).Token;

    /// <summary>POST /api/v1/auths/signin for any email (counts against the sign-in budget).</summary>
    public async Task<ApiResponse> SignInAsync(AppEnvironment environment, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _budget.Spend(environment.PublicHost, email);
        var response = await SendAsync(environment, HttpMethod.Post, "/api/v1/auths/signin", null, new { email, password }).ConfigureAwait(false);
        if (response.Json?["token"]?.GetValue<string>() is { } token) SecretMasker.Shared.Register(token, "session token");
        return response;
    }

    public Task<ApiResponse> GetAsync(AppEnvironment environment, string path, Role? role = null) =>
        SendAsync(environment, HttpMethod.Get, path, role, null);

    public Task<ApiResponse> PostAsync(AppEnvironment environment, string path, Role? role, object? body = null) =>
        SendAsync(environment, HttpMethod.Post, path, role, body ?? new { });

    public Task<ApiResponse> DeleteAsync(AppEnvironment environment, string path, Role? role) =>
        SendAsync(environment, HttpMethod.Delete, path, role, null);

    /// <summary>Any request to the environment's public URL; <paramref name="role"/> adds that role's Bearer token.</summary>
    public async Task<ApiResponse> SendAsync(AppEnvironment environment, HttpMethod method, string path, Role? role, object? body)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var url = new Uri(new Uri(environment.PublicUrl.TrimEnd('/') + "/"), path.TrimStart('/'));
        return await SendToAsync(url, method, role is { } r ? await TokenAsync(environment, r).ConfigureAwait(false) : null, body).ConfigureAwait(false);
    }

    /// <summary>A request to an absolute URL (e.g. a loopback port over SSH is not this; this is for public URLs).</summary>
    public async Task<ApiResponse> SendToAsync(Uri url, HttpMethod method, string? bearer, object? body)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd("application/json");
        if (bearer is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null) request.Content = JsonContent.Create(body);
        try
        {
            using var response = await _http.SendAsync(request).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return new ApiResponse(method.Method, url, (int)response.StatusCode, text);
        }
        catch (HttpRequestException e)
        {
            throw new ChecklistFailure($"{url.Host} cannot be reached over HTTPS ({method} {url.AbsolutePath})", e);
        }
        catch (TaskCanceledException e)
        {
            throw new ChecklistFailure($"{url.Host} did not answer within {_http.Timeout.TotalSeconds:0} s ({method} {url.AbsolutePath})", e);
        }
    }

    private async Task<SessionInfo> SignInRoleAsync(AppEnvironment environment, Role role)
    {
        var account = target.Accounts.For(role);
        var response = await SignInAsync(environment, account.Email, account.Password).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw new ChecklistFailure(
                $"the {role.ToString().ToLowerInvariant()} account {account.Email} cannot sign in to {environment.PublicHost}: {response.Status} {response.Detail}");
        }

        var json = response.Json!.AsObject();
        return new SessionInfo(Str(json, "token"), Str(json, "id"), Str(json, "email"), Str(json, "role"));
    }

    private static string Str(JsonObject json, string name) => json[name]?.GetValue<string>() ?? string.Empty;

    public void Dispose() => _http.Dispose();
}
