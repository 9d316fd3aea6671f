using System.Collections.Immutable;
using Fixxit.Analyzers.Specs.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fixxit.Analyzers.Specs.Support;

/// <summary>Compiles named source files with the net10 and Fixxit.EnvConfig references and runs the analyzer over them.</summary>
internal static class AnalyzerRun
{
    // What the SDK's ImplicitUsings give a project (Fixxit.Topologies relies on them).
    private const string ImplicitUsings = "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; global using System.Threading.Tasks;";

    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> files, bool withEnvConfig = true)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, options, f.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, "ImplicitUsings.g.cs"));
        var references = withEnvConfig ? TestReferences.All : Basic.Reference.Assemblies.Net100.References.All;
        return CSharpCompilation.Create("Consumer", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Compiler errors and the analyzer's diagnostics, in file and line order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(CSharpCompilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        errors.Should().BeEmpty("the sources must compile before the analyzer's verdict means anything");
        var analyzed = compilation.WithAnalyzers([new TopologyAnalyzer()]);
        return await analyzed.GetAnalyzerDiagnosticsAsync();
    }
}
