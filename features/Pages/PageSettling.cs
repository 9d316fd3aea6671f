using Microsoft.Playwright;

namespace Fixxit.Checklist.Features.Pages;

/// <summary>
/// Interactive pages wire their buttons after their first API calls return; acting earlier races the page's own script.
/// Waiting for the network to go quiet is how the page objects know, but it is best effort: a page that keeps a
/// connection busy (real Open WebUI polls over socket.io; a browser's favicon fetch can hang) never reaches "idle", and
/// the page is long ready by then. The checks that follow still auto-wait for what they need.
/// </summary>
public static class PageSettling
{
    private const float SettleTimeoutMs = 5_000;

    public static async Task AfterFirstApiCallsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = SettleTimeoutMs }).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Not idle within the budget: go on (see the summary); a page that really is not ready fails the next check.
        }
    }
}
