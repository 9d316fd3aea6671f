using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fixxit.Gherkin.Specs.Generator;

/// <summary>The MSBuild properties the generator reads (RootNamespace, ProjectDir), as the compiler would pass them.</summary>
internal sealed class ProjectOptions(string rootNamespace, string projectDir) : AnalyzerConfigOptionsProvider
{
    private readonly Options _global = new(new Dictionary<string, string>
    {
        ["build_property.rootnamespace"] = rootNamespace,
        ["build_property.projectdir"] = projectDir,
    });

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
