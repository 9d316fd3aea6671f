using System.Collections.Immutable;
using System.Diagnostics;
using Fixxit.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fixxit.Bench.Analyzers;

/// <summary>
/// Warm, in-process numbers in CPU time of this process (robust against other work on a shared machine), medians
/// after warm-up so JIT and first-use costs are out, as in an IDE or a warm compiler server. Each analyzer run gets a
/// fresh compilation of the same syntax trees, so each pays its own semantic binding:
/// compile = parse + bind + emit; sdk = the SDK's .NET analyzers; sdk+fixxit = the same plus
/// <see cref="TopologyAnalyzer"/>; alone = the Fixxit analyzer by itself; baseline = <see cref="OperationTreeBaseline"/>
/// (same registrations, empty callbacks).
/// </summary>
internal static class InProcessMeasurement
{
    private const string ImplicitUsings = "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; global using System.Threading.Tasks;";

    private static readonly ImmutableArray<MetadataReference> References =
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(EnvConfig.AppEnvironment).Assembly.Location)];

    public static Result Run(string scenario, IReadOnlyList<(string Path, string Text)> sources, int warmup, int runs)
    {
        var (sdk, sdkOptions) = SdkAnalyzers.Load();
        var compile = new List<double>();
        var sdkOnly = new List<double>();
        var sdkPlusFixxit = new List<double>();
        var alone = new List<double>();
        var baselineAlone = new List<double>();
        for (var i = 0; i < warmup + runs; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, s.Path)).Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, "GlobalUsings.cs")).ToList();
            var compilation = Create(scenario, trees, sdkOptions);
            using (var peStream = new MemoryStream())
            {
                var emitted = compilation.Emit(peStream);
                if (!emitted.Success) throw new InvalidOperationException($"{scenario} does not compile: {string.Join("; ", emitted.Diagnostics.Take(3))}");
            }

            var compileMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            var sdkMs = Wall(Create(scenario, trees, sdkOptions), sdk);
            var fixxit = new TopologyAnalyzer();
            var bothMs = Wall(Create(scenario, trees, sdkOptions), sdk.Add(fixxit));
            var aloneMs = Wall(Create(scenario, trees, sdkOptions), [new TopologyAnalyzer()], expectClean: true);
            var baselineMs = Wall(Create(scenario, trees, sdkOptions), [new OperationTreeBaseline()]);
            if (i < warmup) continue;
            baselineAlone.Add(baselineMs);
            compile.Add(compileMs);
            sdkOnly.Add(sdkMs);
            sdkPlusFixxit.Add(bothMs);
            alone.Add(aloneMs);
        }

        return new Result(scenario, sources.Count, Median(compile), Median(sdkOnly), Median(sdkPlusFixxit), Median(alone), Median(baselineAlone));
    }

    private static CSharpCompilation Create(string name, IEnumerable<SyntaxTree> trees, ImmutableDictionary<string, ReportDiagnostic> options) =>
        CSharpCompilation.Create(name, trees, References, new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, specificDiagnosticOptions: options));

    /// <summary>CPU time of the process while the analyzers run: robust against other work on a shared machine.</summary>
    private static double Wall(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool expectClean = false)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(logTime: false));
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var spent = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
        if (expectClean && !diagnostics.IsEmpty) throw new InvalidOperationException($"{compilation.AssemblyName} should be clean: {diagnostics[0]}");
        return spent;
    }

    private static CompilationWithAnalyzersOptions Options(bool logTime) =>
        new(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: logTime);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public sealed record Result(string Scenario, int Files, double CompileMs, double SdkMs, double SdkPlusFixxitMs, double AloneMs, double BaselineMs)
    {
        /// <summary>What adding the Fixxit analyzer costs a build that already runs the SDK's analyzers.</summary>
        public double MarginalMs => SdkPlusFixxitMs - SdkMs;

        public double MarginalShare => MarginalMs / (CompileMs + SdkMs);

        /// <summary>Upper bound: the analyzer alone, paying for the semantic binding no other analyzer shares.</summary>
        public double AloneShare => AloneMs / (CompileMs + AloneMs);

        /// <summary>The rules themselves: the analyzer alone minus the same registrations with empty callbacks.</summary>
        public double RulesMs => AloneMs - BaselineMs;

        public double RulesShare => RulesMs / (CompileMs + SdkMs);
    }
}
