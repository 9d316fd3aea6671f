using Microsoft.Playwright;

namespace Fixxit.Sandbox.Backend.Specs.Support;

/// <summary>
/// Debian's Chromium driven by Playwright, quiet and offline (every host name but the loopback fails fast), with its
/// own HOME so nothing is written to the user's profile. One browser per fixture, a fresh context per spec.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly string _home;

    private Chromium(IPlaywright playwright, IBrowser browser, string home)
    {
        _playwright = playwright;
        Browser = browser;
        _home = home;
    }

    public IBrowser Browser { get; }

    public static bool Available => File.Exists(ExecutablePath);

    public static async Task<Chromium> LaunchAsync()
    {
        var home = Directory.CreateTempSubdirectory("fixxit-backend-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath, Headless = true, TracesDir = Path.Combine(home, "traces"),
            Env = new Dictionary<string, string> { ["HOME"] = home },
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-default-apps", "--disable-domain-reliability",
                "--host-resolver-rules=MAP localhost 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        });
        return new Chromium(playwright, browser, home);
    }

    /// <summary>A page whose localStorage already holds <paramref name="token"/>, as after a sign-in.</summary>
    public async Task<IPage> PageAsync(string? token = null)
    {
        var context = await Browser.NewContextAsync();
        if (token is not null) await context.AddInitScriptAsync($"localStorage.setItem('token', {System.Text.Json.JsonSerializer.Serialize(token)});");
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        if (Directory.Exists(_home)) Directory.Delete(_home, recursive: true);
    }
}
