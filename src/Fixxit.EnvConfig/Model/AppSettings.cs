namespace Fixxit.EnvConfig;

/// <summary>
/// The application settings that carry URLs. Open WebUI persists <c>WEBUI_URL</c> in its database after the first
/// start (config key <c>webui.url</c>), so a copied database keeps the source's value unless it is rewritten.
/// </summary>
public sealed record AppSettings
{
    public string? WebuiUrl { get; init; }

    public string? FrontendBaseUrl { get; init; }

    public ImmutableArray<string> CorsAllowOrigins { get; init; } = [];

    /// <summary>Other non-secret <c>backend/.env</c> values the product manages, by key.</summary>
    public ImmutableDictionary<string, string> Extra { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Every URL-valued setting with its <c>.env</c> name, for the URL rules.</summary>
    public IEnumerable<(string Setting, string Url)> Urls()
    {
        if (WebuiUrl is not null) yield return ("WEBUI_URL", WebuiUrl);
        if (FrontendBaseUrl is not null) yield return ("FRONTEND_BASE_URL", FrontendBaseUrl);
        foreach (var origin in CorsAllowOrigins) yield return ("CORS_ALLOW_ORIGIN", origin);
    }
}
