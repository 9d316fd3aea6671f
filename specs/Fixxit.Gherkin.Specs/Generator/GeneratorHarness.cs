using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Fixxit.Gherkin.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fixxit.Gherkin.Specs.Generator;

/// <summary>
/// Runs <see cref="FeatureTestGenerator"/> over in-memory feature files, compiles what it emitted against the real
/// NUnit and bridge assemblies, and loads the result so specs can read the NUnit attributes by reflection.
/// </summary>
internal static class GeneratorHarness
{
    public const string ProjectDir = "/project/";
    public const string RootNamespace = "Samples";

    public sealed record Result(ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> CompileErrors,
        IReadOnlyList<string> Sources, Assembly? Assembly);

    public static Result Run(params (string RelativePath, string Text)[] features)
    {
        var compilation = CSharpCompilation.Create(
            "GeneratedFeatures" + Guid.NewGuid().ToString("N"),
            [],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var texts = features.Select(f => (AdditionalText)new InMemoryAdditionalText(ProjectDir + f.RelativePath, f.Text));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new FeatureTestGenerator().AsSourceGenerator()], texts, optionsProvider: new ProjectOptions(RootNamespace, ProjectDir));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var sources = output.SyntaxTrees.Select(t => t.ToString()).ToArray();

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assembly? assembly = null;
        if (emitted.Success)
        {
            image.Position = 0;
            assembly = new AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(image);
        }

        return new Result(generatorDiagnostics, errors, sources, assembly);
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Concat([typeof(global::NUnit.Framework.TestAttribute).Assembly.Location, typeof(Fixxit.Gherkin.NUnit.GherkinFeature).Assembly.Location])
        .Distinct(StringComparer.Ordinal)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray());
}
