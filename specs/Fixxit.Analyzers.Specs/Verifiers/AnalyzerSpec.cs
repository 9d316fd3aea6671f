using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Fixxit.Analyzers.Specs.Verifiers;

/// <summary>Runs <see cref="TopologyAnalyzer"/> over sources with <c>{|FIX001:…|}</c> markup and checks it reports exactly that.</summary>
internal static class AnalyzerSpec
{
    public static Task Verify(params string[] sources) => Create(sources).RunAsync();

    public static CSharpAnalyzerTest<TopologyAnalyzer, DefaultVerifier> Create(params string[] sources)
    {
        var test = new CSharpAnalyzerTest<TopologyAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        for (var i = 0; i < sources.Length; i++) test.TestState.Sources.Add(($"/0/Topology{i}.cs", TestReferences.Usings + sources[i]));
        return test;
    }
}
