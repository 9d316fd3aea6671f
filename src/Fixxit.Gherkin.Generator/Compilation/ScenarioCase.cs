#nullable enable
using System.Collections.Generic;
using Io.Cucumber.Messages.Types;

namespace Fixxit.Gherkin.Compilation;

/// <summary>
/// One runnable test: a scenario, or one example row of a scenario outline. It is one Cucumber pickle, so
/// <see cref="PickleIndex"/> is its position in the feature's pickle list (Reqnroll matches messages by it).
/// </summary>
internal sealed class ScenarioCase
{
    public ScenarioCase(int pickleIndex, Pickle pickle, Scenario scenario, Rule? rule, Examples? examples, TableRow? row,
        int rowNumber, IReadOnlyList<string> directTags, IReadOnlyList<string> inheritedTags)
    {
        PickleIndex = pickleIndex;
        Pickle = pickle;
        Scenario = scenario;
        Rule = rule;
        Examples = examples;
        Row = row;
        RowNumber = rowNumber;
        DirectTags = directTags;
        InheritedTags = inheritedTags;
    }

    public int PickleIndex { get; }
    public Pickle Pickle { get; }
    public Scenario Scenario { get; }
    public Rule? Rule { get; }

    /// <summary>The examples block and row for an outline row; null for a plain scenario.</summary>
    public Examples? Examples { get; }
    public TableRow? Row { get; }

    /// <summary>1-based number of the row across all examples blocks of the outline; 0 for a plain scenario.</summary>
    public int RowNumber { get; }

    /// <summary>Scenario and examples tags, without '@' (Reqnroll's ScenarioInfo.Tags).</summary>
    public IReadOnlyList<string> DirectTags { get; }

    /// <summary>Feature and rule tags, without '@'.</summary>
    public IReadOnlyList<string> InheritedTags { get; }

    public bool IsOutlineRow => Row is not null;

    /// <summary>The line a person looks at: the example row for outlines, the scenario line otherwise.</summary>
    public int Line => (int)(Row?.Location.Line ?? Scenario.Location.Line);

    public IEnumerable<string> AllTags
    {
        get
        {
            foreach (var tag in InheritedTags) yield return tag;
            foreach (var tag in DirectTags) yield return tag;
        }
    }
}
