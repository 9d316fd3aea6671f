using System.Collections.Concurrent;
using Fixxit.Checklist.Features.Support;
using Fixxit.Evidence;
using Microsoft.Playwright;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// Debian's Chromium through Playwright: one browser per parallel worker (a scenario borrows one and gives it back),
/// quiet and offline, with the target's names mapped by Chromium itself and only the target's CA trusted by its SPKI.
/// Each scenario gets a fresh context on top. The browser's home and Playwright's traces in progress live in the run's
/// private scratch folder, never in the report folder: a raw trace holds every typed password and session cookie.
/// </summary>
public sealed class BrowserPool(Target target, PrivateScratch scratch) : IAsyncDisposable
{
    private static readonly string[] QuietArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-default-apps", "--disable-domain-reliability",
    ];

    private readonly ConcurrentBag<IBrowser> _idle = [];
    private readonly ConcurrentBag<IBrowser> _all = [];
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private IPlaywright? _playwright;

    public string HomeDirectory => scratch.Folder("browser-home");

    public string TracesDirectory => scratch.Folder("browser-traces");

    public async Task<IBrowser> RentAsync()
    {
        while (_idle.TryTake(out var browser))
        {
            if (browser.IsConnected) return browser;
        }

        await _createGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
            var args = QuietArgs.Append("--host-resolver-rules=" + target.HostResolverRules()).ToList();
            // Trust exactly the target's CA rather than ignoring certificate errors: Chromium matches SPKIs against the
            // chain the server sends (leaf + intermediate, not the root), so the chain is first validated here against
            // the pinned CA and the SPKIs of that proven chain are handed over.
            if (target.CaCertificatePath is not null) args.Add("--ignore-certificate-errors-spki-list=" + string.Join(',', await TrustedChainSpkiAsync().ConfigureAwait(false)));
            var launched = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = target.Settings.BrowserExecutable,
                Headless = true,
                Args = args,
                TracesDir = TracesDirectory,
                Env = new Dictionary<string, string> { ["HOME"] = HomeDirectory },
            }).ConfigureAwait(false);
            _all.Add(launched);
            return launched;
        }
        finally
        {
            _createGate.Release();
        }
    }

    public void Return(IBrowser browser) => _idle.Add(browser);

    private async Task<IReadOnlyList<string>> TrustedChainSpkiAsync()
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        if (target.CaSpkiSha256Base64 is { } root) hashes.Add(root);
        foreach (var env in target.Host.Environments)
        {
            var probe = await TlsProbe.FetchAsync(target, new Uri(env.PublicUrl)).ConfigureAwait(false);
            // Only a chain that validates against the pinned CA is trusted; a failing one stays untrusted in Chromium too.
            if (probe.Errors == System.Net.Security.SslPolicyErrors.None) hashes.UnionWith(probe.ChainSpki);
        }

        return [.. hashes];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var browser in _all)
        {
            await browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        _createGate.Dispose();
    }
}
