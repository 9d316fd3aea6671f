using Fixxit.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Fixxit.Analyzers.Specs.Verifiers;

/// <summary>Runs <see cref="TopologyCodeFixProvider"/> on the analyzer's diagnostics and compares with the expected source.</summary>
internal static class CodeFixSpec
{
    public static Task Verify(string source, string fixedSource, int iterations = 1)
    {
        var test = new CSharpCodeFixTest<TopologyAnalyzer, TopologyCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = TestReferences.Usings + source,
            FixedCode = TestReferences.Usings + fixedSource,
            NumberOfFixAllIterations = iterations,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.BatchFixedState.AdditionalReferences.AddRange(TestReferences.All);
        return test.RunAsync();
    }
}
