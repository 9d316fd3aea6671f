using Fixxit.Checklist.Features.Support;
using Fixxit.Gherkin.NUnit;
using Fixxit.Topologies;
using NUnit.Framework;
using Reqnroll;

namespace Fixxit.Checklist.Features.Hooks;

/// <summary>
/// Once per run: read the runsettings, make the target ready (the sandbox by default: up, prod provisioned), open the
/// shared clients, and fill the report's run header; at the end close everything and stop the sandbox if this run
/// started it.
/// </summary>
[Binding]
public static class TargetHooks
{
    [BeforeTestRun(Order = 0)]
    public static async Task PrepareTargetAsync()
    {
        var settings = TargetSettings.FromTestParameters(TestContext.Parameters);
        // Web-first assertions retry up to this long: generous for a loaded CI machine, never a fixed sleep.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(10_000);
        var results = GherkinTestRun.ReportDirectory ?? Path.Combine(Path.GetTempPath(), "fixxit-checklist");
        Directory.CreateDirectory(results);
        var header = RunHeader.Current;
        header.Title = $"Fixxit deployment checklist ({settings.Profile})";
        header.Set("Profile", settings.Profile);

        Target target = settings.IsSandbox
            ? await SandboxTarget.PrepareAsync(settings, results, Log, CancellationToken.None).ConfigureAwait(false)
            : Target.ForRealServer(settings, NamedTopologies.ByName(settings.Topology, () => throw new InvalidOperationException("unreachable")), results);
        RunContext.Start(target);

        header.TargetEnvironment = target.Describe();
        header.Set("Source environment", $"{target.Source.Name} ({target.Source.PublicUrl})");
        header.Set("Run id", target.RunId);
        header.AppVersion = await AppVersionAsync(target).ConfigureAwait(false);
        await RegisterInvitationTokensAsync(target).ConfigureAwait(false);
        Log($"target: {target.Describe()}, app version {header.AppVersion}, run {target.RunId}");
    }

    [AfterTestRun]
    public static async Task ReleaseTargetAsync()
    {
        await RunContext.StopAsync().ConfigureAwait(false);
        await SandboxTarget.StopIfStartedAsync(Log).ConfigureAwait(false);
    }

    private static async Task<string> AppVersionAsync(Target target)
    {
        try
        {
            var response = await RunContext.Api.GetAsync(target.UnderTest, "/api/version").ConfigureAwait(false);
            return response.IsSuccess && response.Json?["version"]?.GetValue<string>() is { } version
                ? version
                : $"(unknown: /api/version answered {response.Status})";
        }
        catch (ChecklistFailure e)
        {
            return "(unknown: " + e.Message.Split('\n')[0] + ")";
        }
    }

    /// <summary>
    /// Pending invitation links are capabilities; a failure's page snapshot could show existing ones, so every token
    /// on the target is registered with the masker before any scenario runs.
    /// </summary>
    private static async Task RegisterInvitationTokensAsync(Target target)
    {
        try
        {
            var response = await RunContext.Api.GetAsync(target.UnderTest, "/api/v1/invitations/", Role.Admin).ConfigureAwait(false);
            foreach (var invitation in (response.Json as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>())
            {
                Fixxit.Masking.SecretMasker.Shared.Register((string?)invitation["token"], "invitation token");
            }
        }
        catch (ChecklistFailure e)
        {
            Log("invitation tokens could not be listed for masking: " + e.Message.Split('\n')[0]);
        }
    }

    private static void Log(string line) => TestContext.Progress.WriteLine("[checklist] " + line);
}
