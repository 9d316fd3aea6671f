using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Support;
using Reqnroll;

namespace Fixxit.Checklist.Features.Hooks;

/// <summary>After every scenario: browser evidence for failures, then the scenario's cleanup, which always runs.</summary>
[Binding]
public sealed class ScenarioHooks(ChecklistRun run, ScenarioContext scenario, BrowserDriver browser, ScenarioCleanup cleanup, IReqnrollOutputHelper output, LeftoverSweeper sweeper)
{
    [AfterScenario(Order = 0)]
    public Task CloseBrowserAsync() => browser.FinishAsync();

    [AfterScenario(Order = 10)]
    public async Task CleanUpAsync()
    {
        var failures = await cleanup.RunAsync().ConfigureAwait(false);
        if (failures.Count == 0) return;
        foreach (var failure in failures) output.WriteLine(failure);
        if (scenario.TestError is null)
        {
            throw new ChecklistFailure($"test data left behind on {run.Target.UnderTest.Name}: {failures[0]}", string.Join(Environment.NewLine, failures));
        }
    }

    /// <summary>Before the first @mutating scenario: remove what crashed runs left behind.</summary>
    [BeforeScenario("mutating", Order = 0)]
    public Task SweepLeftoversAsync() => sweeper.SweepOnceAsync();
}
