using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fixxit.Sandbox.Backend.Auth;
using Fixxit.Sandbox.Backend.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>routers/auths.py: signin, signup, session, signout, admin add, admin config.</summary>
public static partial class AuthEndpoints
{
    public static void Map(WebApplication web)
    {
        web.MapPost("/api/v1/auths/signin", Signin);
        web.MapPost("/api/v1/auths/signup", Signup);
        web.MapGet("/api/v1/auths/", Session);
        web.MapGet("/api/v1/auths/signout", (HttpContext http) =>
        {
            foreach (var cookie in new[] { Sessions.CookieName, "oui-session", "oauth_id_token" }) http.Response.Cookies.Delete(cookie);
            return ApiJson.Ok(new { status = true });
        });
        web.MapPost("/api/v1/auths/add", AddUser);
        web.MapGet("/api/v1/auths/admin/config", (HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            return ApiJson.Ok(AdminConfig(app));
        });
        web.MapPost("/api/v1/auths/admin/config", UpdateAdminConfig);
    }

    private static async Task<IResult> Signin(HttpContext http, BackendContext app)
    {
        var form = await RequestBody.ReadAsync(http.Request);
        var email = form.Str("email").ToLowerInvariant();
        var password = form.Str("password");
        form.Validate();
        if (app.SigninLimiter.RecordAndCheckLimited(email)) throw new ApiException(429, ErrorMessages.RateLimitExceeded);
        var auth = app.Users.GetAuth(email);
        if (auth is null || !Passwords.Verify(password, auth.Value.PasswordHash)) throw ApiException.BadRequest(ErrorMessages.InvalidCredentials);
        var user = app.Users.GetById(auth.Value.Id) ?? throw ApiException.BadRequest(ErrorMessages.InvalidCredentials);
        return SessionResponse(http, app, user, includeProfile: false);
    }

    private static async Task<IResult> Signup(HttpContext http, BackendContext app)
    {
        var form = await RequestBody.ReadAsync(http.Request);
        var name = form.Str("name");
        var email = form.Str("email").ToLowerInvariant();
        var password = form.Str("password");
        var image = form.OptStr("profile_image_url", "/user.png")!;
        form.Validate();

        var hasUsers = app.Users.Count() > 0;
        if (!app.EnableSignup && hasUsers) throw ApiException.Forbidden(ErrorMessages.AccessProhibited);
        if (!IsEmail(email)) throw ApiException.BadRequest(ErrorMessages.InvalidEmailFormat);
        if (app.Users.GetByEmail(email) is not null) throw ApiException.BadRequest(ErrorMessages.EmailTaken);
        // 0.6.4x validates the password inside the try block, so its errors surface as the generic 500.
        if (Passwords.TooLong(password) || password.Length == 0) throw new ApiException(500, ErrorMessages.SignupError);

        var role = hasUsers ? app.DefaultUserRole : Roles.Admin;
        var user = app.Users.Insert(name, email, Passwords.Hash(password), role, image);
        // Upstream turns sign-up off after the first user and persists that (config ui.enable_signup).
        if (!hasUsers) app.Config.Set(PersistentConfig.EnableSignup, false);
        return SessionResponse(http, app, user, includeProfile: false);
    }

    /// <summary>
    /// GET /api/v1/auths/: any role. Upstream reads the token from the Authorization header here, so a cookie-only call
    /// passes the guard and then fails with a 500; reproduced because a checklist must not rely on it.
    /// </summary>
    private static IResult Session(HttpContext http, BackendContext app)
    {
        var user = app.Sessions.Current(http);
        if (Sessions.BearerToken(http.Request) is null) throw new InvalidOperationException("'NoneType' object has no attribute 'credentials'");
        return SessionResponse(http, app, user, includeProfile: true, reuseToken: Sessions.BearerToken(http.Request));
    }

    private static async Task<IResult> AddUser(HttpContext http, BackendContext app)
    {
        app.Sessions.Admin(http);
        var form = await RequestBody.ReadAsync(http.Request);
        var name = form.Str("name");
        var email = form.Str("email").ToLowerInvariant();
        var password = form.Str("password");
        var image = form.OptStr("profile_image_url", "/user.png")!;
        var role = form.OptStr("role", Roles.Pending)!;
        form.Validate();
        if (!IsEmail(email)) throw ApiException.BadRequest(ErrorMessages.InvalidEmailFormat);
        if (app.Users.GetByEmail(email) is not null) throw ApiException.BadRequest(ErrorMessages.EmailTaken);
        if (Passwords.TooLong(password)) throw new ApiException(500, ErrorMessages.AddUserError);
        var user = app.Users.Insert(name, email, Passwords.Hash(password), role, image);
        var token = app.Tokens.Create(user.Id, null);
        return ApiJson.Ok(new { token, token_type = "Bearer", id = user.Id, email = user.Email, name = user.Name, role = user.Role, profile_image_url = user.ProfileImageUrl });
    }

    private static async Task<IResult> UpdateAdminConfig(HttpContext http, BackendContext app)
    {
        app.Sessions.Admin(http);
        var form = await RequestBody.ReadAsync(http.Request);
        form.Validate();
        if (form.OptStr("WEBUI_URL") is { } url) app.Config.Set(PersistentConfig.WebUiUrl, url);
        if (form.Node("ENABLE_SIGNUP") is JsonValue signup && signup.TryGetValue<bool>(out var enable)) app.Config.Set(PersistentConfig.EnableSignup, enable);
        if (form.OptStr("DEFAULT_USER_ROLE") is { } role && Roles.All.Contains(role)) app.Config.Set(PersistentConfig.DefaultUserRole, role);
        return ApiJson.Ok(AdminConfig(app));
    }

    private static JsonObject AdminConfig(BackendContext app) => new()
    {
        ["SHOW_ADMIN_DETAILS"] = true, ["WEBUI_URL"] = app.EffectiveWebUiUrl, ["ENABLE_SIGNUP"] = app.EnableSignup, ["ENABLE_API_KEYS"] = false,
        ["DEFAULT_USER_ROLE"] = app.DefaultUserRole, ["JWT_EXPIRES_IN"] = app.Settings.JwtExpiresIn is { } e ? $"{(long)e.TotalSeconds}s" : "-1",
        ["ENABLE_COMMUNITY_SHARING"] = false, ["ENABLE_MESSAGE_RATING"] = true,
    };

    /// <summary>SessionUserResponse plus the token cookie; a fresh JWT unless the caller's own is echoed (GET /auths/).</summary>
    internal static IResult SessionResponse(HttpContext http, BackendContext app, UserModel user, bool includeProfile, string? reuseToken = null)
    {
        // GET /auths/ echoes the caller's token and its own expiry; signin/signup mint a new one.
        DateTimeOffset? expiresAt = reuseToken is not null ? JwtTokens.ExpiresAt(reuseToken)
            : app.Settings.JwtExpiresIn is { } ttl ? app.Time.GetUtcNow() + ttl : null;
        var token = reuseToken ?? app.Tokens.Create(user.Id, expiresAt);
        Sessions.SetCookie(http.Response, token, expiresAt);
        var body = new JsonObject
        {
            ["token"] = token, ["token_type"] = "Bearer", ["expires_at"] = expiresAt?.ToUnixTimeSeconds(), ["id"] = user.Id, ["email"] = user.Email,
            ["name"] = user.Name, ["role"] = user.Role, ["profile_image_url"] = user.ProfileImageUrl, ["permissions"] = Permissions.Default(),
        };
        if (includeProfile)
        {
            body["bio"] = user.Bio;
            body["gender"] = user.Gender;
            body["date_of_birth"] = user.DateOfBirth;
            body["status_emoji"] = user.StatusEmoji;
            body["status_message"] = user.StatusMessage;
            body["status_expires_at"] = user.StatusExpiresAt;
        }

        return ApiJson.Ok(body);
    }

    /// <summary>utils/misc.py validate_email_format.</summary>
    internal static bool IsEmail(string email) => email.EndsWith("@localhost", StringComparison.Ordinal) || EmailPattern().IsMatch(email);

    [GeneratedRegex(@"^[^@]+@[^@]+\.[^@]+$")]
    private static partial Regex EmailPattern();
}
