#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using Io.Cucumber.Messages.Types;

namespace Fixxit.Gherkin.Compilation;

/// <summary>Looks up scenarios, rules, example rows and steps of a Gherkin document by the AST ids pickles carry.</summary>
internal sealed class AstIndex
{
    private readonly Feature _feature;
    private readonly Dictionary<string, (Scenario Scenario, Rule? Rule)> _scenarios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Examples Examples, TableRow Row, int RowNumber)> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Step> _steps = new(StringComparer.Ordinal);

    private AstIndex(Feature feature) => _feature = feature;

    public IReadOnlyDictionary<string, Step> StepsById => _steps;

    public static AstIndex Build(GherkinDocument document)
    {
        var index = new AstIndex(document.Feature);
        foreach (var child in document.Feature.Children)
        {
            if (child.Background is not null) index.AddSteps(child.Background.Steps);
            if (child.Scenario is not null) index.AddScenario(child.Scenario, null);
            if (child.Rule is null) continue;
            foreach (var ruleChild in child.Rule.Children)
            {
                if (ruleChild.Background is not null) index.AddSteps(ruleChild.Background.Steps);
                if (ruleChild.Scenario is not null) index.AddScenario(ruleChild.Scenario, child.Rule);
            }
        }

        return index;
    }

    public ScenarioCase CaseFor(int pickleIndex, Pickle pickle)
    {
        var (scenario, rule) = _scenarios[pickle.AstNodeIds[0]];
        Examples? examples = null;
        TableRow? row = null;
        var rowNumber = 0;
        if (pickle.AstNodeIds.Count > 1 && _rows.TryGetValue(pickle.AstNodeIds[1], out var found))
        {
            (examples, row, rowNumber) = found;
        }

        var direct = scenario.Tags.Concat(examples?.Tags ?? Enumerable.Empty<Tag>()).Select(t => Bare(t.Name));
        var inherited = _feature.Tags.Concat(rule?.Tags ?? Enumerable.Empty<Tag>()).Select(t => Bare(t.Name));
        return new ScenarioCase(pickleIndex, pickle, scenario, rule, examples, row, rowNumber,
            direct.Distinct(StringComparer.Ordinal).ToArray(), inherited.Distinct(StringComparer.Ordinal).ToArray());
    }

    private void AddScenario(Scenario scenario, Rule? rule)
    {
        _scenarios[scenario.Id] = (scenario, rule);
        AddSteps(scenario.Steps);
        var rowNumber = 0;
        foreach (var examples in scenario.Examples)
        {
            foreach (var row in examples.TableBody)
            {
                _rows[row.Id] = (examples, row, ++rowNumber);
            }
        }
    }

    private void AddSteps(IEnumerable<Step> steps)
    {
        foreach (var step in steps) _steps[step.Id] = step;
    }

    private static string Bare(string tag) => tag.StartsWith("@", StringComparison.Ordinal) ? tag.Substring(1) : tag;
}
