using Fixxit.Checklist.Features.Support;
using Fixxit.Gherkin.NUnit;
using Fixxit.Topologies;
using NUnit.Framework;
using Reqnroll;

namespace Fixxit.Checklist.Features.Hooks;

/// <summary>
/// Once per run: read the runsettings, make the target ready (the sandbox by default: up, prod provisioned), build the
/// run's shared services (<see cref="ChecklistRun"/>) and register them in Reqnroll's test-run container for every
/// binding to receive by injection, and fill the report's run header; at the end close everything and stop the sandbox
/// if this run started it.
/// </summary>
[Binding]
public static class TargetHooks
{
    [BeforeTestRun(Order = 0)]
    public static async Task PrepareTargetAsync(ITestRunContext testRun)
    {
        ArgumentNullException.ThrowIfNull(testRun);
        var settings = TargetSettings.FromTestParameters(TestContext.Parameters);
        // Web-first assertions retry up to this long: generous for a loaded CI machine, never a fixed sleep.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(10_000);
        var results = GherkinTestRun.ReportDirectory ?? Path.Combine(Path.GetTempPath(), "fixxit-checklist");
        Directory.CreateDirectory(results);
        var header = RunHeader.Current;
        header.Title = $"Fixxit deployment checklist ({settings.Profile})";
        header.Set("Profile", settings.Profile);

        var (target, lease) = settings.IsSandbox
            ? await SandboxTarget.PrepareAsync(settings, results, Log, CancellationToken.None).ConfigureAwait(false)
            : (Target.ForRealServer(settings, NamedTopologies.ByName(settings.Topology, () => throw new InvalidOperationException("unreachable")), results), null);
        var run = new ChecklistRun(target, lease);
        Register(testRun.TestRunContainer, run);

        header.TargetEnvironment = target.Describe();
        header.Set("Source environment", $"{target.Source.Name} ({target.Source.PublicUrl})");
        header.Set("Run id", target.RunId);
        header.AppVersion = await AppVersionAsync(run).ConfigureAwait(false);
        await RegisterInvitationTokensAsync(run).ConfigureAwait(false);
        Log($"target: {target.Describe()}, app version {header.AppVersion}, run {target.RunId}");
    }

    [AfterTestRun]
    public static async Task ReleaseTargetAsync(ITestRunContext testRun)
    {
        ArgumentNullException.ThrowIfNull(testRun);
        // Not registered when [BeforeTestRun] failed before building it; then there is nothing to close.
        if (!testRun.TestRunContainer.IsRegistered<ChecklistRun>()) return;
        var run = testRun.TestRunContainer.Resolve<ChecklistRun>();
        await run.DisposeAsync().ConfigureAwait(false);
        if (run.Sandbox is { } lease) await lease.ReleaseAsync(Log).ConfigureAwait(false);
    }

    /// <summary>The run and each of its parts, so a binding asks for exactly what it uses.</summary>
    private static void Register(Reqnroll.BoDi.IObjectContainer container, ChecklistRun run)
    {
        container.RegisterInstanceAs(run);
        container.RegisterInstanceAs(run.Target);
        container.RegisterInstanceAs(run.Api);
        container.RegisterInstanceAs(run.Browsers);
        container.RegisterInstanceAs(run.Connection);
        container.RegisterInstanceAs(run.Server);
        container.RegisterInstanceAs(run.Databases);
        container.RegisterInstanceAs(run.Selectors);
        container.RegisterInstanceAs(run.Names);
        container.RegisterInstanceAs(run.Sweeper);
    }

    private static async Task<string> AppVersionAsync(ChecklistRun run)
    {
        var target = run.Target;
        try
        {
            var response = await run.Api.GetAsync(target.UnderTest, "/api/version").ConfigureAwait(false);
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
    private static async Task RegisterInvitationTokensAsync(ChecklistRun run)
    {
        var target = run.Target;
        try
        {
            var response = await run.Api.GetAsync(target.UnderTest, "/api/v1/invitations/", Role.Admin).ConfigureAwait(false);
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
