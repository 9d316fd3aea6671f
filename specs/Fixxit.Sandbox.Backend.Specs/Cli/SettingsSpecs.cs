using Fixxit.Sandbox.Backend.Specs.Support;

namespace Fixxit.Sandbox.Backend.Specs.Cli;

/// <summary>Settings read from backend/.env and the process environment.</summary>
public sealed class SettingsSpecs
{
    [Test]
    public async Task A_custom_name_gets_upstreams_suffix()
    {
        using var root = TestAppRoot.Create();
        root.WriteEnv("https://app.example.test", root.EncryptionKey, "WEBUI_NAME=\"Fixxit\"");
        using var backend = root.StartBackend(Ports.Delay);
        using var client = new ApiClient(Ports.Delay);

        (await client.Get("/api/config")).Json!["name"]!.GetValue<string>().Should().Be("Fixxit (Open WebUI)");
        (await client.Get("/auth")).Text.Should().Contain("Sign in to Fixxit (Open WebUI)");
    }

    [Test]
    public async Task The_process_environment_wins_over_env_for_plain_settings()
    {
        using var root = TestAppRoot.Create();
        using var backend = root.StartBackend(Ports.Delay, new Dictionary<string, string> { ["WEBUI_NAME"] = "From Process" });
        using var client = new ApiClient(Ports.Delay);
        (await client.Get("/api/config")).Json!["name"]!.GetValue<string>().Should().Be("From Process (Open WebUI)");
    }

    [Test]
    public async Task Without_a_secret_key_the_backend_warns_and_signs_with_upstreams_default()
    {
        using var root = TestAppRoot.Create();
        File.WriteAllLines(root.EnvFile, [$"DATABASE_PASSWORD_ENCRYPTION_KEY={root.EncryptionKey.ToCanonicalString()}"]);
        using var backend = root.StartBackend(Ports.Delay);
        using var client = new ApiClient(Ports.Delay);
        backend.Output.Should().Contain("WEBUI_SECRET_KEY is not set");
        var signup = await client.Post("/api/v1/auths/signup", new { name = "Admin", email = "admin@example.test", password = "pw-admin-1" });
        var token = signup.Json!["token"]!.GetValue<string>();
        var parts = token.Split('.');
        var expected = System.Security.Cryptography.HMACSHA256.HashData("t0p-s3cr3t"u8, System.Text.Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        Convert.ToBase64String(expected).TrimEnd('=').Replace('+', '-').Replace('/', '_').Should().Be(parts[2], "upstream's env.py default key signs it");
        (await client.Get("/api/v1/auths/", token)).Json!["expires_at"]!.GetValue<long>().Should().Be(signup.Json!["expires_at"]!.GetValue<long>());
    }
}
