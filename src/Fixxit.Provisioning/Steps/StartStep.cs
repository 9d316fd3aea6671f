using System.Globalization;
using System.Text.Json;
using Fixxit.EnvConfig;
using Fixxit.FileFormats.Caddy;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;
using Fixxit.Remote;

namespace Fixxit.Provisioning.Steps;

/// <summary>
/// Step 7: start (or restart, when something changed), wait for <c>/health</c> and <c>/api/version</c> on loopback
/// within a timeout that covers migrations, then verify through the proxy (Caddy) at the public URL. A run that changed
/// nothing and finds the app running and healthy does not restart it.
/// </summary>
/// <param name="priorChanges">Whether earlier steps changed (or, in a plan, would change) the target: then it is restarted.</param>
/// <param name="startupTimeout">How long the app may take to answer after a (re)start.</param>
internal sealed class StartStep(Func<bool> priorChanges, TimeSpan startupTimeout) : IPlannedStep<string?>
{
    public const string StepName = "start";

    public string Name => StepName;

    public string Title => "Start and verify (loopback, then through Caddy)";

    /// <summary>Running and healthy (one round trip); the state is the start or restart command to run, or null.</summary>
    public async Task<StepPlan<string?>> InspectAsync(DeployContext ctx)
    {
        var t = ctx.Target;
        var running = false;
        var healthy = false;
        if (ctx.TargetExists)
        {
            var facts = await HostBatch.RunAsync(ctx.Ssh, new Dictionary<string, string>
            {
                ["status"] = $"cd {DeployContext.Q(t.Directory)} && {t.Commands.Status} >/dev/null 2>&1",
                ["health"] = HealthProbe.GetCommand(t.BackendPort, "/health"),
            }, ctx.Ct).ConfigureAwait(false);
            running = facts["status"].Succeeded;
            healthy = running && HealthProbe.Parse(facts["health"]).Status == 200;
        }

        var verb = running ? t.Commands.Restart : t.Commands.Start;
        if (running && healthy && !priorChanges())
        {
            return new StepPlan<string?>(Name, false, $"{t.Name} is running and healthy on {t.BackendPort}; nothing changed, so it is not restarted", [], null);
        }

        var why = !running ? "not running" : !healthy ? "running but unhealthy" : "changes above need a restart";
        return new StepPlan<string?>(Name, true, $"{verb} ({why}), then wait for /health and /api/version and verify {t.PublicUrl} through Caddy", [$"$ cd {t.Directory} && {verb}"], verb);
    }

    public async Task<StepResult> ExecuteAsync(DeployContext ctx, StepPlan<string?> plan)
    {
        var t = ctx.Target;
        var details = new List<string>(plan.Details);
        if (plan.State is { } verb)
        {
            var result = await ctx.RunAsync($"cd {DeployContext.Q(t.Directory)} && {verb} 2>&1").ConfigureAwait(false);
            details.Add(result.StdOut.Trim());
            if (!result.Succeeded)
            {
                throw new ProvisioningException(FailureKind.StepFailed, $"{verb} in {t.Directory} failed (exit {result.ExitCode}): {result.StdOut.Trim()} — see {t.PathOf(t.LogsDirectory)}");
            }

            ctx.TargetChanged = true;
        }

        details.AddRange(await VerifyAsync(ctx, startupTimeout).ConfigureAwait(false));
        return new StepResult(Name, plan.WillChange ? StepStatus.Changed : StepStatus.Unchanged, plan.WillChange ? $"{t.Name} (re)started and verified at {t.PublicUrl}" : plan.Summary) { Details = details };
    }

    /// <summary>Loopback health and version, the frontend port, then the public URL through the proxy. Throws naming what did not answer.</summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync(DeployContext ctx, TimeSpan startupTimeout)
    {
        var t = ctx.Target;
        var details = await AllAnswerAtOnceAsync(ctx).ConfigureAwait(false) ?? await LoopbackOneByOneAsync(ctx, startupTimeout).ConfigureAwait(false);
        if (t.Proxy is not null) details.Add(await VerifyProxyAsync(ctx, startupTimeout).ConfigureAwait(false));
        return details;
    }

    /// <summary>The common case — the app already answers — in one round trip: every loopback probe at once; null when any did not answer as expected.</summary>
    private static async Task<List<string>?> AllAnswerAtOnceAsync(DeployContext ctx)
    {
        var t = ctx.Target;
        var commands = new Dictionary<string, string>
        {
            ["health"] = HealthProbe.GetCommand(t.BackendPort, "/health"),
            ["version"] = HealthProbe.GetCommand(t.BackendPort, "/api/version"),
        };
        if (t.Frontend == FrontendMode.ViteDevServer) commands["frontend"] = HealthProbe.GetCommand(t.FrontendPort, "/");
        var answers = (await HostBatch.RunAsync(ctx.Ssh, commands, ctx.Ct).ConfigureAwait(false)).ToDictionary(p => p.Key, p => HealthProbe.Parse(p.Value));
        if (answers.Values.Any(a => a.Status != 200) || !HasVersion(answers["version"].Body)) return null;
        var details = new List<string>
        {
            $"GET http://127.0.0.1:{t.BackendPort}/health → 200",
            $"GET http://127.0.0.1:{t.BackendPort}/api/version → 200 {answers["version"].Body.Trim()}",
        };
        if (answers.ContainsKey("frontend")) details.Add($"GET http://127.0.0.1:{t.FrontendPort}/ → 200");
        return details;
    }

    /// <summary>After a start: wait for /health within the startup timeout, then /api/version, then the Vite port; throws naming what did not answer.</summary>
    private static async Task<List<string>> LoopbackOneByOneAsync(DeployContext ctx, TimeSpan startupTimeout)
    {
        var t = ctx.Target;
        var details = new List<string>();
        var health = await HealthProbe.WaitOkAsync(() => HealthProbe.GetAsync(ctx.Ssh, t.BackendPort, "/health", ctx.Ct), startupTimeout, ctx.Ct).ConfigureAwait(false);
        if (health.Status != 200)
        {
            throw new ProvisioningException(FailureKind.StepFailed, $"{t.Name} did not answer /health on 127.0.0.1:{t.BackendPort} within {startupTimeout.TotalSeconds:0} s (last: {Describe(health)}); see {t.PathOf(t.LogsDirectory)}/backend.log");
        }

        details.Add($"GET http://127.0.0.1:{t.BackendPort}/health → 200");
        var version = await HealthProbe.GetAsync(ctx.Ssh, t.BackendPort, "/api/version", ctx.Ct).ConfigureAwait(false);
        if (version.Status != 200 || !HasVersion(version.Body))
        {
            throw new ProvisioningException(FailureKind.StepFailed, $"{t.Name}: /api/version on 127.0.0.1:{t.BackendPort} answered {Describe(version)}, expected JSON with a version");
        }

        details.Add($"GET http://127.0.0.1:{t.BackendPort}/api/version → 200 {version.Body.Trim()}");
        if (t.Frontend == FrontendMode.ViteDevServer)
        {
            var front = await HealthProbe.WaitOkAsync(() => HealthProbe.GetAsync(ctx.Ssh, t.FrontendPort, "/", ctx.Ct), TimeSpan.FromSeconds(30), ctx.Ct).ConfigureAwait(false);
            if (front.Status != 200) throw new ProvisioningException(FailureKind.StepFailed, $"{t.Name}'s Vite dev server did not answer on 127.0.0.1:{t.FrontendPort} (last: {Describe(front)}); see {t.PathOf(t.LogsDirectory)}/frontend.log");
            details.Add($"GET http://127.0.0.1:{t.FrontendPort}/ → 200");
        }

        return details;
    }

    private static async Task<string> VerifyProxyAsync(DeployContext ctx, TimeSpan timeout)
    {
        var t = ctx.Target;
        var url = new Uri(t.PublicUrl);
        Func<Task<(int Status, string Body)>> probe;
        HttpClient? client = null;
        if (ctx.Options.Proxy is { } pin)
        {
            client = PinnedHttpClientFactory.Create(new PinnedHttpOptions
            {
                HostMap = new Dictionary<string, System.Net.IPAddress> { [url.Host] = pin.ConnectAddress },
                TrustedRoot = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(pin.CaRootCertificatePath, ctx.Ct).ConfigureAwait(false)),
                Timeout = TimeSpan.FromSeconds(10),
            });
            probe = async () =>
            {
                try
                {
                    using var response = await client.GetAsync(new Uri(url, "/health"), ctx.Ct).ConfigureAwait(false);
                    return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ctx.Ct).ConfigureAwait(false));
                }
                catch (HttpRequestException e)
                {
                    return (0, e.Message);
                }
            };
        }
        else
        {
            probe = () => HealthProbe.GetViaProxyOnHostAsync(ctx.Ssh, url, "/health", ctx.Ct);
        }

        try
        {
            var first = await probe().ConfigureAwait(false);
            if (first.Status == 200) return $"GET {url.GetLeftPart(UriPartial.Authority)}/health through Caddy → 200";

            // Caddy marks an upstream down after a failed active health check and waits health_interval before the next:
            // a forced reload re-runs the check now that the backend answers.
            var proxy = ctx.Host.Proxy;
            var reload = await ctx.RunAsync(CaddyCommands.Reload(proxy.ConfigPath, proxy.AdminAddress, force: true, proxy.Executable)).ConfigureAwait(false);
            var answer = await HealthProbe.WaitOkAsync(probe, timeout, ctx.Ct).ConfigureAwait(false);
            if (answer.Status != 200)
            {
                throw new ProvisioningException(FailureKind.StepFailed,
                    $"{t.PublicUrl}/health through Caddy answered {Describe(answer)} (first {Describe(first)}; caddy reload {(reload.Succeeded ? "ok" : "failed: " + reload.StdErr.Trim())}); the app answers on loopback, so check the site for {url.Host} in {proxy.ConfigPath}");
            }

            return $"GET {url.GetLeftPart(UriPartial.Authority)}/health through Caddy → 200 (after caddy reload: its health check had marked the upstream down)";
        }
        finally
        {
            client?.Dispose();
        }
    }

    private static bool HasVersion(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Describe((int Status, string Body) answer) =>
        answer.Status == 0 ? $"no answer ({answer.Body.Trim().Split('\n')[0]})" : string.Create(CultureInfo.InvariantCulture, $"{answer.Status}");
}
