#nullable enable
using System.Collections.Generic;
using Io.Cucumber.Messages.Types;

namespace Fixxit.Gherkin.Compilation;

/// <summary>
/// A parsed feature file as Cucumber messages (Source, GherkinDocument, Pickles) plus the test cases derived from it.
/// Built identically by the source generator (to emit tests) and at run time (to feed Reqnroll and its formatters).
/// </summary>
internal sealed class CompiledFeature
{
    public CompiledFeature(string relativePath, Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles,
        IReadOnlyList<ScenarioCase> cases, IReadOnlyDictionary<string, Step> stepsById)
    {
        RelativePath = relativePath;
        Source = source;
        Document = document;
        Pickles = pickles;
        Cases = cases;
        StepsById = stepsById;
    }

    /// <summary>Path of the feature file relative to the project, with '/' separators: its identity.</summary>
    public string RelativePath { get; }
    public Source Source { get; }
    public GherkinDocument Document { get; }
    public Feature Feature => Document.Feature;
    public IReadOnlyList<Pickle> Pickles { get; }
    public IReadOnlyList<ScenarioCase> Cases { get; }

    /// <summary>Gherkin steps by AST id, to recover the keyword ("Given", "And", …) of each pickle step.</summary>
    public IReadOnlyDictionary<string, Step> StepsById { get; }
}
