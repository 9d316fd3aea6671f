using Fixxit.EnvConfig;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Processes;
using Fixxit.Sandbox.Tree;

namespace Fixxit.Rehearsal.Host;

/// <summary>
/// The dev environment at its real path and ports: the sandbox's dev tree, owned by the login user and started by its
/// own <c>start_server.sh</c> as that user (as on the real server).
/// </summary>
public static class ReplicaDev
{
    /// <summary>
    /// The stand-in backend is .NET and needs no Python package; the plan's <c>pip install -r</c> runs on the replica
    /// (it has no network), so the list is honest: empty.
    /// </summary>
    public const string Requirements = "# Fixxit rehearsal: the stand-in backend (backend/open_webui) needs no Python packages.\n";

    public static async Task StartAsync(SandboxLayout parts, AppEnvironment dev, string user, int userId, int groupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(dev);
        await DevTreeBuilder.EnsureAsync(parts, dev, cancellationToken, Requirements).ConfigureAwait(false);
        await ProcessRunner.RunCheckedAsync("chown", ["-R", $"{userId}:{groupId}", Path.GetDirectoryName(dev.Directory)!], cancellationToken: cancellationToken).ConfigureAwait(false);
        var home = Path.GetDirectoryName(dev.Directory)!;
        await ProcessRunner.RunCheckedAsync(
            "/usr/sbin/runuser", ["-u", user, "--", "/bin/bash", dev.PathOf(dev.Commands.Script), "start"], dev.Directory,
            new Dictionary<string, string> { ["HOME"] = home, ["USER"] = user, ["LOGNAME"] = user, ["TMPDIR"] = "/tmp" }, cancellationToken).ConfigureAwait(false);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = new Uri($"http://127.0.0.1:{dev.BackendPort}/health");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not up yet
            }

            await Task.Delay(150, cancellationToken).ConfigureAwait(false);
        }

        throw new RehearsalException($"dev backend not healthy at {url} within 30 s; see {dev.PathOf("logs/backend.log")}");
    }
}
