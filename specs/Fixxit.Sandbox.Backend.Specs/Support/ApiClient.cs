using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Fixxit.Sandbox.Backend.Specs.Support;

/// <summary>An answer from the stand-in: status, headers, raw text and the JSON body when there is one.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Text, HttpResponseHeaders Headers, string? ContentType)
{
    public JsonNode? Json => JsonNode.Parse(Text);

    public string? Detail => Json?["detail"]?.GetValue<string>();

    public IEnumerable<string> SetCookies => Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}

/// <summary>HttpClient to a stand-in on 127.0.0.1, without cookies unless asked, so every credential is explicit.</summary>
public sealed class ApiClient(int port) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public Task<ApiResponse> Get(string path, string? token = null, string? cookie = null) => Send(HttpMethod.Get, path, null, token, cookie);

    public Task<ApiResponse> Post(string path, object? body, string? token = null) => Send(HttpMethod.Post, path, body, token, null);

    public Task<ApiResponse> Delete(string path, string? token = null) => Send(HttpMethod.Delete, path, null, token, null);

    public async Task<ApiResponse> Send(HttpMethod method, string path, object? body, string? token, string? cookie)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (body is not null)
        {
            var json = body as string ?? System.Text.Json.JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, text, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Signs in and returns the session token; fails the spec when signin does not return 200.</summary>
    public async Task<string> SignIn(string email, string password)
    {
        var response = await Post("/api/v1/auths/signin", new { email, password });
        response.Status.Should().Be(HttpStatusCode.OK, response.Text);
        return response.Json!["token"]!.GetValue<string>();
    }

    public void Dispose() => _http.Dispose();
}
