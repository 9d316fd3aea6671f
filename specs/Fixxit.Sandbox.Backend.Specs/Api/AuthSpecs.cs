using System.Net;
using Fixxit.Sandbox.Backend.Specs.Support;

namespace Fixxit.Sandbox.Backend.Specs.Api;

public sealed class AuthSpecs
{
    private static SeededBackend Backend => SeededBackend.Shared;

    [Test]
    public async Task Signin_returns_a_session_and_sets_the_token_cookie()
    {
        var admin = Backend.Credentials.Admin;
        var response = await Backend.Client.Post("/api/v1/auths/signin", new { email = admin.Email.ToUpperInvariant(), password = admin.Password });

        response.Status.Should().Be(HttpStatusCode.OK);
        var body = response.Json!;
        body["token_type"]!.GetValue<string>().Should().Be("Bearer");
        body["role"]!.GetValue<string>().Should().Be("admin");
        body["email"]!.GetValue<string>().Should().Be(admin.Email);
        body["expires_at"]!.GetValue<long>().Should().BeGreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        body["permissions"]!["chat"].Should().NotBeNull();
        var token = body["token"]!.GetValue<string>();
        token.Split('.').Should().HaveCount(3);
        var cookie = response.SetCookies.Should().ContainSingle(c => c.StartsWith("token=", StringComparison.Ordinal)).Subject.ToLowerInvariant();
        cookie.Should().Contain("httponly").And.Contain("samesite=lax").And.Contain("path=/").And.NotContain("secure");
    }

    [Test]
    public async Task The_token_works_as_bearer_header_and_as_cookie()
    {
        var token = await Backend.SignInAs(Backend.Credentials.Admin);
        (await Backend.Client.Get("/api/v1/users/", token)).Status.Should().Be(HttpStatusCode.OK);
        (await Backend.Client.Get("/api/v1/users/", cookie: $"token={token}")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Wrong_password_is_400_with_upstreams_text()
    {
        var response = await Backend.Client.Post("/api/v1/auths/signin", new { email = Backend.Credentials.User.Email, password = "not-the-password" });
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Detail.Should().Be(UpstreamTexts.InvalidCredentials);
    }

    [Test]
    public async Task The_sixteenth_signin_for_one_email_is_rate_limited_whatever_the_password()
    {
        var email = $"rate-limit-{Guid.NewGuid():N}@example.test";
        for (var attempt = 1; attempt <= 15; attempt++)
        {
            var response = await Backend.Client.Post("/api/v1/auths/signin", new { email, password = "wrong" });
            response.Status.Should().Be(HttpStatusCode.BadRequest, $"attempt {attempt} is within the limit");
        }

        var limited = await Backend.Client.Post("/api/v1/auths/signin", new { email, password = "wrong" });
        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Detail.Should().Be(UpstreamTexts.RateLimited);
        var other = await Backend.Client.Post("/api/v1/auths/signin", new { email = $"other-{email}", password = "wrong" });
        other.Status.Should().Be(HttpStatusCode.BadRequest, "the limit is per email");
    }

    [Test]
    public async Task Missing_fields_are_a_422_listing_each_field()
    {
        var response = await Backend.Client.Post("/api/v1/auths/signin", new { email = "x@example.test" });
        response.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        var error = response.Json!["detail"]![0]!;
        error["type"]!.GetValue<string>().Should().Be("missing");
        error["loc"]!.ToJsonString().Should().Be("""["body","password"]""");
    }

    [Test]
    public async Task No_token_is_401_not_authenticated_and_a_forged_token_is_401_invalid()
    {
        var none = await Backend.Client.Get("/api/v1/chats/");
        none.Status.Should().Be(HttpStatusCode.Unauthorized);
        none.Detail.Should().Be(UpstreamTexts.NotAuthenticated);

        var token = await Backend.SignInAs(Backend.Credentials.User);
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var invalid = await Backend.Client.Get("/api/v1/chats/", forged);
        invalid.Status.Should().Be(HttpStatusCode.Unauthorized);
        invalid.Detail.Should().Be(UpstreamTexts.InvalidToken);
    }

    [Test]
    public async Task A_pending_user_has_a_session_but_is_refused_on_verified_routes()
    {
        var token = await Backend.SignInAs(Backend.Credentials.Pending);
        var session = await Backend.Client.Get("/api/v1/auths/", token);
        session.Status.Should().Be(HttpStatusCode.OK);
        session.Json!["role"]!.GetValue<string>().Should().Be("pending");

        foreach (var path in new[] { "/api/v1/chats/", "/api/models", "/api/v1/groups/" })
        {
            var refused = await Backend.Client.Get(path, token);
            refused.Status.Should().Be(HttpStatusCode.Unauthorized, path);
            refused.Detail.Should().Be(UpstreamTexts.AccessProhibited, path);
        }
    }

    [Test]
    public async Task A_plain_user_is_refused_on_admin_routes()
    {
        var token = await Backend.SignInAs(Backend.Credentials.User);
        var refused = await Backend.Client.Get("/api/v1/users/", token);
        refused.Status.Should().Be(HttpStatusCode.Unauthorized);
        refused.Detail.Should().Be(UpstreamTexts.AccessProhibited);
    }

    [Test]
    public async Task Session_endpoint_returns_profile_fields_with_bearer_and_fails_like_upstream_with_cookie_only()
    {
        var token = await Backend.SignInAs(Backend.Credentials.User);
        var session = await Backend.Client.Get("/api/v1/auths/", token);
        session.Json!.AsObject().Select(p => p.Key).Should().Contain(["token", "bio", "status_message", "permissions"]);

        var cookieOnly = await Backend.Client.Get("/api/v1/auths/", cookie: $"token={token}");
        cookieOnly.Status.Should().Be(HttpStatusCode.InternalServerError, "upstream reads auth_token.credentials, which is None without the header");
    }

    [Test]
    public async Task Signup_is_closed_after_the_first_user()
    {
        var response = await Backend.Client.Post("/api/v1/auths/signup", new { name = "Late Comer", email = $"late-{Guid.NewGuid():N}@example.test", password = "pw-123456" });
        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.Detail.Should().Be(UpstreamTexts.AccessProhibited);
    }

    [Test]
    public async Task Admin_adds_a_user_who_can_then_sign_in_and_a_duplicate_is_refused()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var email = $"added-{Guid.NewGuid():N}@example.test";
        var added = await Backend.Client.Post("/api/v1/auths/add", new { name = "Added Person", email, password = "pw-added-1", role = "user" }, admin);
        added.Status.Should().Be(HttpStatusCode.OK, added.Text);
        added.Json!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["token", "token_type", "id", "email", "name", "role", "profile_image_url"]);

        (await Backend.Client.SignIn(email, "pw-added-1")).Should().NotBeEmpty();
        var duplicate = await Backend.Client.Post("/api/v1/auths/add", new { name = "Again", email, password = "pw", role = "user" }, admin);
        duplicate.Status.Should().Be(HttpStatusCode.BadRequest);
        duplicate.Detail.Should().Be(UpstreamTexts.EmailTaken);
    }

    [Test]
    public async Task Signout_answers_status_true_and_expires_the_cookies()
    {
        var response = await Backend.Client.Get("/api/v1/auths/signout");
        response.Json!.ToJsonString().Should().Be("""{"status":true}""");
        response.SetCookies.Should().Contain(c => c.StartsWith("token=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
    }
}
