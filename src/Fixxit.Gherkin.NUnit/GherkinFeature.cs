using System.Globalization;
using System.Reflection;
using Fixxit.Gherkin.Compilation;
using Reqnroll;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// One feature file at run time: its compiled messages and the single <see cref="FeatureInfo"/> Reqnroll compares by
/// reference. Generated fixtures hold one in a static field and call <see cref="RunAsync"/> per test.
/// </summary>
public sealed class GherkinFeature
{
    private GherkinFeature(Assembly testAssembly, CompiledFeature compiled)
    {
        TestAssembly = testAssembly;
        Compiled = compiled;
        var feature = compiled.Feature;
        var folder = Path.GetDirectoryName(compiled.RelativePath)?.Replace('\\', '/') ?? string.Empty;
        Info = new FeatureInfo(
            new CultureInfo(feature.Language),
            folder,
            feature.Name,
            feature.Description ?? string.Empty,
            ProgrammingLanguage.CSharp,
            feature.Tags.Select(t => t.Name.TrimStart('@')).ToArray(),
            new FeatureMessages(compiled.Source, compiled.Document, compiled.Pickles));
    }

    internal Assembly TestAssembly { get; }
    internal CompiledFeature Compiled { get; }
    internal FeatureInfo Info { get; }

    /// <summary>Path of the .feature file relative to its project.</summary>
    public string RelativePath => Compiled.RelativePath;

    /// <summary>Called by generated code: compiles the embedded feature text exactly as the generator did.</summary>
    public static GherkinFeature Load(Type fixtureType, string relativePath, int expectedTests, string featureText)
    {
        ArgumentNullException.ThrowIfNull(fixtureType);
        var compiled = FeatureCompiler.TryCompile(relativePath, featureText, out var errors)
            ?? throw new InvalidOperationException($"{relativePath}({errors[0].Line},{errors[0].Column}): {errors[0].Message}");
        if (compiled.Cases.Count != expectedTests)
        {
            throw new InvalidOperationException(
                $"{relativePath}: the generator emitted {expectedTests} tests but the runtime compiled {compiled.Cases.Count}; rebuild the project.");
        }

        return new GherkinFeature(fixtureType.Assembly, compiled);
    }

    /// <summary>Runs one scenario or outline row through the Reqnroll runtime.</summary>
    public Task RunAsync(int pickleIndex) => ScenarioExecution.RunAsync(this, Compiled.Cases[pickleIndex]);

    /// <summary>Ends the feature on every runner that started it (AfterFeature hooks run there).</summary>
    public async Task EndAsync()
    {
        try
        {
            await TestRunnerManager.ReleaseFeatureAsync(Info, TestAssembly);
        }
        catch (Exception exception)
        {
            RunTally.RecordHookFailure($"[AfterFeature] of '{Info.Title}'", exception);
            throw OutcomeTranslator.ToNUnit(exception);
        }
    }
}
