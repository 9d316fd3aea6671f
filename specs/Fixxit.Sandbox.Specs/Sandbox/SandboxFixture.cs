using System.Net.Http.Json;
using System.Text.Json;
using Fixxit.Masking;
using Fixxit.Topologies;

namespace Fixxit.Sandbox.Specs.Sandbox;

/// <summary>One real sandbox per fixture: slot 1's ports, a fresh temporary root, brought down in OneTimeTearDown.</summary>
[NonParallelizable]
public abstract class SandboxFixture
{
    protected static readonly SandboxPorts Ports = SandboxPorts.ForSlot(1);

    protected string Root { get; private set; } = string.Empty;

    protected SandboxInfo Info { get; set; } = null!;

    protected SandboxLayout Layout => new(Root);

    [OneTimeSetUp]
    public async Task BringUp()
    {
        Root = Path.Combine(Path.GetTempPath(), "fixxit-sandbox-specs-" + Guid.NewGuid().ToString("N")[..8]);
        Info = await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = Root, Ports = Ports });
        await AfterUpAsync();
    }

    [OneTimeTearDown]
    public async Task BringDown()
    {
        // Debugging aid: FIXXIT_SPECS_KEEP_SANDBOX=1 leaves the sandbox running for inspection (then `fixxit sandbox down --root`).
        if (Environment.GetEnvironmentVariable("FIXXIT_SPECS_KEEP_SANDBOX") == "1") return;
        await Fixxit.Sandbox.SandboxControl.DownAsync(Root);
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    protected virtual Task AfterUpAsync() => Task.CompletedTask;

    /// <summary>The seeded account of a role ("admin", "manager", "user", "pending"), its password registered with the masker.</summary>
    protected (string Email, string Password) Account(string role)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Info.CredentialsPath));
        var account = doc.RootElement.GetProperty(role);
        var password = account.GetProperty("password").GetString()!;
        SecretMasker.Shared.Register(password, $"{role}-password");
        return (account.GetProperty("email").GetString()!, password);
    }

    /// <summary>Signs in through Caddy at <paramref name="baseUrl"/> and returns the bearer token.</summary>
    protected async Task<string> SignInAsync(HttpClient http, string baseUrl, string role = "admin")
    {
        var (email, password) = Account(role);
        using var response = await http.PostAsJsonAsync($"{baseUrl}/api/v1/auths/signin", new { email, password });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("token").GetString()!;
    }
}
