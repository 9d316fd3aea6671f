using System.Collections.Specialized;
using System.Globalization;
using Fixxit.Gherkin.Compilation;
using PickleStep = Io.Cucumber.Messages.Types.PickleStep;
using PickleTable = Io.Cucumber.Messages.Types.PickleTable;
using StepKeywordType = Io.Cucumber.Messages.Types.StepKeywordType;
using NUnit.Framework;
using Reqnroll;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// The call sequence Reqnroll expects for one scenario (the order its own unit-test plugins follow): take a runner,
/// start the feature on it if needed, initialise, run each pickle step in order (background included), collect errors,
/// end, release. Failures leave here as NUnit outcomes with every registered secret masked.
/// </summary>
internal static class ScenarioExecution
{
    private const string IgnoreTag = "ignore";

    public static async Task RunAsync(GherkinFeature feature, ScenarioCase scenario)
    {
        var runner = TestRunnerManager.GetTestRunnerForAssembly(feature.TestAssembly, featureHint: feature.Info);
        Exception? failure = null;
        string? failedStep = null;
        try
        {
            await EnsureFeatureStartedAsync(runner, feature.Info);
            runner.OnScenarioInitialize(ScenarioInfoOf(scenario), RuleInfoOf(scenario));
            runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(TestContext.CurrentContext);
            if (scenario.AllTags.Contains(IgnoreTag, StringComparer.OrdinalIgnoreCase))
            {
                await runner.SkipScenarioAsync();
            }
            else
            {
                await runner.OnScenarioStartAsync();
                foreach (var step in scenario.Pickle.Steps)
                {
                    var before = runner.ScenarioContext.TestError;
                    await RunStepAsync(runner, feature.Compiled, step);
                    // The first step after which Reqnroll holds an error is the one that failed (later ones are skipped).
                    if (before is null && runner.ScenarioContext.TestError is not null) failedStep ??= StepLine(feature.Compiled, step);
                }
            }

            await runner.CollectScenarioErrorsAsync();
        }
        catch (Exception exception)
        {
            // The step's own exception, not Reqnroll's rethrow of it: its message is the cause. A pending step is the
            // exception: Reqnroll's own message carries the "Pending or undefined step" explanation and snippet.
            failure = runner.ScenarioContext?.TestError is { } stepError and not PendingStepException ? stepError : exception;
        }
        finally
        {
            try
            {
                await runner.OnScenarioEndAsync();
            }
            catch (Exception exception)
            {
                failure ??= exception;
            }
            finally
            {
                TestRunnerManager.ReleaseTestRunner(runner);
            }
        }

        RunTally.Record(feature, scenario, failure);
        if (failure is not null) throw OutcomeTranslator.ToNUnit(failure, failedStep);
        if (scenario.AllTags.Contains(IgnoreTag, StringComparer.OrdinalIgnoreCase))
        {
            throw new IgnoreException("Ignored scenario (@ignore)");
        }
    }

    private static async Task EnsureFeatureStartedAsync(ITestRunner runner, FeatureInfo feature)
    {
        if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, feature))
        {
            await runner.OnFeatureEndAsync();
        }

        if (runner.FeatureContext is null)
        {
            await runner.OnFeatureStartAsync(feature);
        }

        if (runner.FeatureContext is { BeforeFeatureHookFailed: true } context)
        {
            throw new InvalidOperationException($"[BeforeFeature] hook of '{feature.Title}' failed: {context.BeforeFeatureHookError?.Message}",
                context.BeforeFeatureHookError);
        }
    }

    private static string StepLine(CompiledFeature feature, PickleStep step) =>
        feature.StepsById[step.AstNodeIds[0]].Keyword.Trim() + " " + step.Text;

    private static ScenarioInfo ScenarioInfoOf(ScenarioCase scenario)
    {
        OrderedDictionary? arguments = null;
        if (scenario.Examples is not null && scenario.Row is not null)
        {
            arguments = [];
            var header = scenario.Examples.TableHeader.Cells;
            for (var i = 0; i < header.Count; i++)
            {
                arguments[header[i].Value] = scenario.Row.Cells[i].Value;
            }
        }

        return new ScenarioInfo(
            scenario.Pickle.Name,
            scenario.Scenario.Description ?? string.Empty,
            scenario.DirectTags.ToArray(),
            arguments ?? [],
            scenario.InheritedTags.ToArray(),
            scenario.PickleIndex.ToString(CultureInfo.InvariantCulture));
    }

    private static RuleInfo? RuleInfoOf(ScenarioCase scenario) =>
        scenario.Rule is null
            ? null
            : new RuleInfo(scenario.Rule.Name, scenario.Rule.Description ?? string.Empty,
                scenario.Rule.Tags.Select(t => t.Name.TrimStart('@')).ToArray());

    private static Task RunStepAsync(ITestRunner runner, CompiledFeature feature, PickleStep step)
    {
        var source = feature.StepsById[step.AstNodeIds[0]];
        var docString = step.Argument?.DocString?.Content;
        var table = TableOf(step.Argument?.DataTable);
        var keyword = source.Keyword;
        return source.KeywordType switch
        {
            StepKeywordType.CONTEXT => runner.GivenAsync(step.Text, docString, table, keyword),
            StepKeywordType.ACTION => runner.WhenAsync(step.Text, docString, table, keyword),
            StepKeywordType.OUTCOME => runner.ThenAsync(step.Text, docString, table, keyword),
            _ when keyword.Trim().Equals("But", StringComparison.OrdinalIgnoreCase) => runner.ButAsync(step.Text, docString, table, keyword),
            _ => runner.AndAsync(step.Text, docString, table, keyword),
        };
    }

    private static Table? TableOf(PickleTable? data)
    {
        if (data is null || data.Rows.Count == 0) return null;
        var table = new Table(data.Rows[0].Cells.Select(c => c.Value).ToArray());
        foreach (var row in data.Rows.Skip(1))
        {
            table.AddRow(row.Cells.Select(c => c.Value).ToArray());
        }

        return table;
    }
}
