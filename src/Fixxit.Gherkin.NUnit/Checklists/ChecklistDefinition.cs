namespace Fixxit.Gherkin.NUnit.Checklists;

/// <summary>
/// What a project checks, in its stakeholders' words: sections of lines, each line checked by named scenarios. Read from
/// the project's checklist file (<see cref="ChecklistFile"/>); the report opens on it (<see cref="ChecklistView"/>).
/// </summary>
/// <param name="Source">The file it was read from, for messages.</param>
public sealed record ChecklistDefinition(string Source, IReadOnlyList<ChecklistLine> Lines)
{
    /// <summary>The sections in the order they first appear, each with its lines in file order.</summary>
    public IReadOnlyList<(string Section, IReadOnlyList<ChecklistLine> Lines)> Sections =>
        [.. Lines.GroupBy(l => l.Section, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<ChecklistLine>)[.. g]))];
}

/// <summary>One checklist line: its text, its section, the scenarios that check it, and where it is written.</summary>
public sealed record ChecklistLine(string Text, string Section, IReadOnlyList<ScenarioReference> Scenarios, int LineNumber);

/// <summary>
/// A scenario named by its feature file (a file name, or a path ending, e.g. "Chat.feature") and its title as written
/// (an outline's title with its &lt;placeholders&gt;, which stands for every example row).
/// </summary>
public sealed record ScenarioReference(string FeatureFile, string Title)
{
    /// <summary>True when a feature's path (as the report knows it, e.g. "Features/Chat.feature") is this file.</summary>
    public bool IsFeature(string featurePath)
    {
        var path = featurePath.Replace('\\', '/');
        return string.Equals(path, FeatureFile, StringComparison.Ordinal) || path.EndsWith("/" + FeatureFile, StringComparison.Ordinal);
    }

    public override string ToString() => $"{FeatureFile}: {Title}";
}
