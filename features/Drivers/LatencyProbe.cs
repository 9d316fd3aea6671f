using System.Diagnostics;
using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// How long the public URL takes to answer: requests fired on a fixed schedule (not one after another, so a backend
/// that stalls now and then is sampled across its stalls rather than only in the moments it runs), each timed from
/// send to full response.
/// </summary>
public static class LatencyProbe
{
    public const int Samples = 9;

    /// <summary>Long enough that the samples span about one freeze-and-run cycle of a starved process (3 s): a periodic stall shows in most of them.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(350);

    public static async Task<IReadOnlyList<(TimeSpan Latency, ApiResponse Response)>> SampleAsync(ApiClient api, AppEnvironment environment, string path, Role role)
    {
        ArgumentNullException.ThrowIfNull(api);
        // Signed in before timing starts: the sign-in is not what a user waits for on each click.
        var token = await api.TokenAsync(environment, role).ConfigureAwait(false);
        var url = new Uri(new Uri(environment.PublicUrl.TrimEnd('/') + "/"), path.TrimStart('/'));
        await api.SendToAsync(url, HttpMethod.Get, token, null).ConfigureAwait(false); // warm the connection
        var pending = new List<Task<(TimeSpan, ApiResponse)>>();
        for (var i = 0; i < Samples; i++)
        {
            pending.Add(TimeAsync(api, url, token));
            await Task.Delay(Spacing).ConfigureAwait(false);
        }

        return await Task.WhenAll(pending).ConfigureAwait(false);
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
    }

    private static async Task<(TimeSpan, ApiResponse)> TimeAsync(ApiClient api, Uri url, string token)
    {
        var clock = Stopwatch.StartNew();
        var response = await api.SendToAsync(url, HttpMethod.Get, token, null).ConfigureAwait(false);
        return (clock.Elapsed, response);
    }
}
