using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fixxit.Bench.Analyzers;

/// <summary>
/// The .NET analyzers every SDK project runs (Microsoft.CodeAnalysis.NetAnalyzers from the installed SDK), with the
/// rule set this repository's AnalysisLevel=latest selects: the baseline the Fixxit analyzer is added to.
/// </summary>
internal static class SdkAnalyzers
{
    public static (ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableDictionary<string, ReportDiagnostic> Options) Load()
    {
        var sdk = SdkDirectory();
        var folder = Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers");
        var loader = new Loader();
        var analyzers = new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
            .SelectMany(f => new AnalyzerFileReference(Path.Combine(folder, f), loader).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
        var config = Directory.GetFiles(Path.Combine(folder, "build", "config"), "analysislevel_*_default.globalconfig")
            .OrderByDescending(f => f, StringComparer.Ordinal).First();
        var options = File.ReadLines(config)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal) && l.Contains(".severity", StringComparison.Ordinal))
            .Select(l => (Id: l["dotnet_diagnostic.".Length..l.IndexOf(".severity", StringComparison.Ordinal)], Severity: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim()))
            .ToImmutableDictionary(x => x.Id, x => x.Severity switch
            {
                "error" => ReportDiagnostic.Error,
                "warning" => ReportDiagnostic.Warn,
                "suggestion" => ReportDiagnostic.Info,
                "silent" => ReportDiagnostic.Hidden,
                _ => ReportDiagnostic.Suppress,
            });
        return (analyzers, options);
    }

    /// <summary>The SDK this process runs under: dotnet root from the shared runtime's location, newest SDK folder.</summary>
    private static string SdkDirectory()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        return Directory.GetDirectories(Path.Combine(root, "sdk")).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).First();
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
