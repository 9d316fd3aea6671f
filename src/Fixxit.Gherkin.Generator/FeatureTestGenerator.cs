using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Fixxit.Gherkin.Compilation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fixxit.Gherkin.Generator;

/// <summary>
/// For every *.feature AdditionalFile: an NUnit fixture (see <see cref="FixtureWriter"/>), or FXG001 errors with the
/// file, line and column when Gherkin cannot parse it. Once per project: the [SetUpFixture] that starts and ends the
/// Reqnroll test run.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FeatureTestGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static post => post.AddSource("FixxitGherkinTestRun.g.cs", SourceText.From(TestRunFixture, Encoding.UTF8)));

        var project = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
        {
            options.GlobalOptions.TryGetValue("build_property.rootnamespace", out var rootNamespace);
            options.GlobalOptions.TryGetValue("build_property.projectdir", out var projectDir);
            return (RootNamespace: string.IsNullOrWhiteSpace(rootNamespace) ? "Features" : rootNamespace!, ProjectDir: projectDir ?? string.Empty);
        });

        var featureFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".feature", StringComparison.OrdinalIgnoreCase));
        // Every file's fixture name must be unique among all feature files, so each output also sees all paths.
        var allPaths = featureFiles.Select(static (file, _) => file.Path).Collect();
        var features = featureFiles.Combine(allPaths).Combine(project);

        context.RegisterSourceOutput(features, static (output, input) =>
            Generate(output, input.Left.Left, input.Left.Right, input.Right.RootNamespace, input.Right.ProjectDir));
    }

    private static void Generate(SourceProductionContext output, AdditionalText file, ImmutableArray<string> allPaths, string rootNamespace, string projectDir)
    {
        var text = file.GetText(output.CancellationToken);
        if (text is null) return;
        var relativePath = RelativePath(file.Path, projectDir);
        var compiled = FeatureCompiler.TryCompile(relativePath, text.ToString(), out var errors);
        if (compiled is null)
        {
            foreach (var error in errors)
            {
                output.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.SyntaxError, LocationOf(file.Path, text, error), error.Message));
            }

            return;
        }

        var (@namespace, className) = FixtureName(relativePath, rootNamespace);
        var twins = allPaths.Select(p => RelativePath(p, projectDir))
            .Where(p => p != relativePath && FixtureName(p, rootNamespace) == (@namespace, className));
        if (twins.Any())
        {
            // "sign-in.feature" and "sign_in.feature" side by side: the path's hash keeps both fixtures apart.
            className += "_" + FeatureCompiler.StableHash(relativePath);
        }

        var hint = relativePath.Replace('/', '.').Replace('\\', '.') + ".g.cs";
        output.AddSource(hint, SourceText.From(FixtureWriter.Write(compiled, @namespace, className), Encoding.UTF8));
    }

    /// <summary>Features/Ui/sign-in.feature -> (Root.Features.Ui, SignInFeature).</summary>
    private static (string Namespace, string ClassName) FixtureName(string relativePath, string rootNamespace)
    {
        var folders = (Path.GetDirectoryName(relativePath) ?? string.Empty).Replace('\\', '/')
            .Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Select(CSharpNames.Pascal);
        return (string.Join(".", new[] { rootNamespace }.Concat(folders)), CSharpNames.Pascal(Path.GetFileNameWithoutExtension(relativePath)) + "Feature");
    }

    private static string RelativePath(string path, string projectDir)
    {
        var full = path.Replace('\\', '/');
        var root = projectDir.Replace('\\', '/');
        if (root.Length > 0 && !root.EndsWith("/", StringComparison.Ordinal)) root += "/";
        return root.Length > 0 && full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : Path.GetFileName(full);
    }

    private static Location LocationOf(string path, SourceText text, GherkinSyntaxError error)
    {
        var line = Math.Max(0, Math.Min(error.Line - 1, text.Lines.Count - 1));
        var lineText = text.Lines[line];
        var column = Math.Max(0, Math.Min(error.Column - 1, lineText.Span.Length));
        var start = new LinePosition(line, column);
        var span = new TextSpan(lineText.Start + column, Math.Max(0, lineText.Span.Length - column));
        return Location.Create(path, span, new LinePositionSpan(start, new LinePosition(line, lineText.Span.Length)));
    }

    private const string TestRunFixture = @"// <auto-generated>Fixxit.Gherkin.Generator</auto-generated>
#nullable enable
/// <summary>Starts the Reqnroll test run before the first feature and ends it (writing the reports) after the last.</summary>
[global::NUnit.Framework.SetUpFixture]
public sealed class FixxitGherkinTestRun
{
    [global::NUnit.Framework.OneTimeSetUp]
    public global::System.Threading.Tasks.Task StartAsync() => global::Fixxit.Gherkin.NUnit.GherkinTestRun.StartAsync(typeof(FixxitGherkinTestRun).Assembly);

    [global::NUnit.Framework.OneTimeTearDown]
    public global::System.Threading.Tasks.Task EndAsync() => global::Fixxit.Gherkin.NUnit.GherkinTestRun.EndAsync(typeof(FixxitGherkinTestRun).Assembly);
}
";
}
