using Fixxit.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Fixxit.Analyzers.Specs.Verifiers;

/// <summary>Runs <see cref="TopologyCodeFixProvider"/> on the analyzer's diagnostics and compares with the expected source.</summary>
internal static class CodeFixSpec
{
    /// <param name="fixes">How many fixes apply one after another (0: no fix may be offered). Fix All always takes one pass.</param>
    public static Task Verify(string source, string fixedSource, int fixes = 1)
    {
        var test = new CSharpCodeFixTest<TopologyAnalyzer, TopologyCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = TestReferences.Usings + source,
            FixedCode = TestReferences.Usings + fixedSource,
            NumberOfFixAllIterations = fixes == 0 ? 0 : 1,
            NumberOfIncrementalIterations = fixes,
            // FIX001/3/5 compare declarations and are reported at compilation end (non-local); their fixes still apply
            // to one document each, and Fix All batches them, which is what the framework's local-only check guards.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.BatchFixedState.AdditionalReferences.AddRange(TestReferences.All);
        return test.RunAsync();
    }
}
