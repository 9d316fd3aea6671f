using System.Text.Json;
using Fixxit.Masking;

namespace Fixxit.Sandbox.Backend.Configuration;

/// <summary>
/// The settings a backend process runs with, resolved like upstream: python-dotenv does not override variables the
/// process already has, so a process environment variable wins over <c>backend/.env</c> — except the encryption key,
/// whose two definitions are both kept (see <see cref="EncryptionKeys"/>).
/// </summary>
public sealed record BackendSettings
{
    public const string DefaultSecretKey = "t0p-s3cr3t";

    public required AppRoot Root { get; init; }

    /// <summary>WEBUI_URL from the environment; the database's <c>webui.url</c> wins over it (see PersistentConfig).</summary>
    public required string EnvWebUiUrl { get; init; }

    public required string SecretKey { get; init; }

    public required bool SecretKeyIsDefault { get; init; }

    public required string WebUiName { get; init; }

    public required EncryptionKeys EncryptionKeys { get; init; }

    public required TimeSpan? JwtExpiresIn { get; init; }

    public required bool EnvEnableSignup { get; init; }

    /// <summary>ENABLE_OPENAI_API (upstream default true): the OpenAI-compatible connection the echo model is served through.</summary>
    public required bool EnvEnableOpenAiApi { get; init; }

    public required string EnvDefaultUserRole { get; init; }

    public required string Version { get; init; }

    public required string DeploymentId { get; init; }

    /// <summary>Reads <c>DIR/backend/.env</c>, the process environment and <c>DIR/package.json</c>.</summary>
    public static BackendSettings Load(AppRoot root, Func<string, string?>? processEnvironment = null)
    {
        var env = processEnvironment ?? Environment.GetEnvironmentVariable;
        var file = DotEnvFile.Load(root.EnvFile);
        string? Get(string key) => env(key) is { Length: > 0 } fromProcess ? fromProcess : file.Get(key);
        string Origin(string key) => env(key) is { Length: > 0 } ? "environment variable" : file.Path;

        var secret = Get("WEBUI_SECRET_KEY") ?? Get("WEBUI_JWT_SECRET_KEY");
        SecretMasker.Shared.Register(secret, "WEBUI_SECRET_KEY");
        var name = Get("WEBUI_NAME") ?? "Open WebUI";

        return new BackendSettings
        {
            Root = root,
            EnvWebUiUrl = Get("WEBUI_URL") ?? string.Empty,
            SecretKey = string.IsNullOrEmpty(secret) ? DefaultSecretKey : secret,
            SecretKeyIsDefault = string.IsNullOrEmpty(secret),
            WebUiName = name == "Open WebUI" ? name : $"{name} (Open WebUI)",
            EncryptionKeys = new EncryptionKeys(
                EncryptionKeys.Parse(file.Get("DATABASE_PASSWORD_ENCRYPTION_KEY"), file.Path),
                EncryptionKeys.Parse(env("DATABASE_PASSWORD_ENCRYPTION_KEY"), "environment variable")),
            JwtExpiresIn = DurationSetting.Parse(Get("JWT_EXPIRES_IN") ?? "4w", Origin("JWT_EXPIRES_IN")),
            EnvEnableSignup = ParseBool(Get("ENABLE_SIGNUP"), true),
            EnvEnableOpenAiApi = ParseBool(Get("ENABLE_OPENAI_API"), true),
            EnvDefaultUserRole = Get("DEFAULT_USER_ROLE") ?? "pending",
            Version = ReadVersion(root.PackageJson),
            DeploymentId = Get("DEPLOYMENT_ID") ?? string.Empty,
        };
    }

    private static bool ParseBool(string? text, bool fallback) =>
        text is null ? fallback : text.Trim().ToLowerInvariant() is "true" or "1" or "yes";

    /// <summary>Upstream's VERSION: package.json at the checkout root, "0.0.0" when it is missing.</summary>
    internal static string ReadVersion(string packageJson)
    {
        if (!File.Exists(packageJson)) return "0.0.0";
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(packageJson));
            return doc.RootElement.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "0.0.0";
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{packageJson}: not valid JSON ({e.Message})");
        }
    }
}
