using Fixxit.Sandbox.Backend.Api;
using Fixxit.Sandbox.Backend.Data;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Auth;

/// <summary>
/// utils/auth.py: the token comes from <c>Authorization: Bearer</c>, else the <c>token</c> cookie; then the role guards
/// <c>get_current_user</c> (any role), <c>get_verified_user</c> and <c>get_admin_user</c>.
/// </summary>
public sealed class Sessions(BackendContext app)
{
    public const string CookieName = "token";

    /// <summary>The bearer token, or null when the header is absent or not a Bearer credential.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !header[..space].Equals("bearer", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[(space + 1)..].Trim();
        return token.Length == 0 ? null : token;
    }

    public static string? TokenOf(HttpRequest request) =>
        BearerToken(request) ?? (request.Cookies.TryGetValue(CookieName, out var cookie) && cookie.Length > 0 ? cookie : null);

    /// <summary>The signed-in user, or null for no/invalid token (used where auth is optional, e.g. /api/config).</summary>
    public UserModel? TryResolve(HttpContext http)
    {
        var token = TokenOf(http.Request);
        if (token is null || token.StartsWith("sk-", StringComparison.Ordinal)) return null;
        return app.Tokens.Validate(token, app.Time.GetUtcNow()) is { } id ? app.Users.GetById(id) : null;
    }

    /// <summary><c>get_current_user</c>: any role, pending included.</summary>
    public UserModel Current(HttpContext http)
    {
        var token = TokenOf(http.Request) ?? throw new ApiException(401, ErrorMessages.NotAuthenticated, clearsTokenCookie: true);
        if (token.StartsWith("sk-", StringComparison.Ordinal))
            throw new ApiException(403, "Use of API key is not enabled in the environment.", clearsTokenCookie: true);
        var id = app.Tokens.Validate(token, app.Time.GetUtcNow()) ?? throw new ApiException(401, ErrorMessages.InvalidToken, clearsTokenCookie: true);
        var user = app.Users.GetById(id) ?? throw new ApiException(401, ErrorMessages.InvalidToken, clearsTokenCookie: true);
        app.Users.TouchLastActive(user.Id);
        return user;
    }

    /// <summary><c>get_verified_user</c>: user, admin and the fork's manager; pending gets 401 ACCESS_PROHIBITED.</summary>
    public UserModel Verified(HttpContext http)
    {
        var user = Current(http);
        return Roles.IsVerified(user.Role) ? user : throw ApiException.Unauthorized(ErrorMessages.AccessProhibited);
    }

    public UserModel Admin(HttpContext http)
    {
        var user = Current(http);
        return user.Role == Roles.Admin ? user : throw ApiException.Unauthorized(ErrorMessages.AccessProhibited);
    }

    /// <summary>The fork's guard for invitations and the manager dashboard.</summary>
    public UserModel AdminOrManager(HttpContext http)
    {
        var user = Current(http);
        return user.Role is Roles.Admin or Roles.Manager ? user : throw ApiException.Unauthorized(ErrorMessages.AccessProhibited);
    }

    /// <summary>Sets the <c>token</c> cookie as upstream: HttpOnly, SameSite=lax, not Secure, expiring with the JWT.</summary>
    public static void SetCookie(HttpResponse response, string token, DateTimeOffset? expiresAt) =>
        response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = false, Path = "/", Expires = expiresAt,
        });
}
