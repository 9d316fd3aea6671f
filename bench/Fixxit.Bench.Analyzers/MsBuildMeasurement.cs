using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Fixxit.Bench.Analyzers;

/// <summary>
/// A real `dotnet build -p:ReportAnalyzer=true` of the sources in a throw-away project with this repository's compile
/// settings (.NET analyzers on, nullable, warnings as errors) and the Fixxit analyzer. No compiler server (so nothing
/// outlives the run): every build is a cold compiler process, JIT included, which is the pessimistic CI case.
/// </summary>
internal static partial class MsBuildMeasurement
{
    public static Result Run(string scenario, IReadOnlyList<(string Path, string Text)> sources, int runs)
    {
        var dir = Directory.CreateTempSubdirectory("fixxit-bench-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(dir.FullName, "Directory.Build.targets"), "<Project />");
            File.WriteAllText(Path.Combine(dir.FullName, "Directory.Packages.props"), "<Project />");
            var binDir = AppContext.BaseDirectory;
            File.WriteAllText(Path.Combine(dir.FullName, "Bench.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <EnableNETAnalyzers>true</EnableNETAnalyzers>
                    <AnalysisLevel>latest</AnalysisLevel>
                    <RootNamespace>Fixxit.Topologies</RootNamespace>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="{Path.Combine(binDir, "Fixxit.EnvConfig.dll")}" />
                    <Analyzer Include="{Path.Combine(binDir, "Fixxit.Analyzers.dll")}" />
                  </ItemGroup>
                </Project>
                """);
            foreach (var (path, text) in sources) File.WriteAllText(Path.Combine(dir.FullName, path), text);
            Dotnet(dir.FullName, "restore");

            var csc = new List<double>();
            var fixxit = new List<double>();
            var allAnalyzers = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var log = Dotnet(dir.FullName, "build", "--no-restore", "--no-incremental", "-p:ReportAnalyzer=true", "-v:d", "-clp:PerformanceSummary");
                csc.Add(double.Parse(CscTask().Match(log).Groups[1].Value, CultureInfo.InvariantCulture));
                fixxit.Add(1000 * double.Parse(FixxitLine().Match(log).Groups[1].Value, CultureInfo.InvariantCulture));
                allAnalyzers.Add(1000 * double.Parse(TotalLine().Match(log).Groups[1].Value, CultureInfo.InvariantCulture));
            }

            return new Result(scenario, sources.Count, csc.Order().ElementAt(runs / 2), fixxit.Order().ElementAt(runs / 2), allAnalyzers.Order().ElementAt(runs / 2));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("-nodeReuse:false");
        start.ArgumentList.Add("-p:UseSharedCompilation=false");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{output}{stderr.Result}");
        return output;
    }

    [GeneratedRegex(@"^\s*(\d+) ms\s+Csc\s", RegexOptions.Multiline)]
    private static partial Regex CscTask();

    [GeneratedRegex(@"^\s*<?([\d.]+)\s+(?:<?\d+)\s+Fixxit\.Analyzers, Version", RegexOptions.Multiline)]
    private static partial Regex FixxitLine();

    [GeneratedRegex(@"Total analyzer execution time: ([\d.]+) seconds")]
    private static partial Regex TotalLine();

    public sealed record Result(string Scenario, int Files, double CscMs, double FixxitMs, double AllAnalyzersMs)
    {
        public double Share => FixxitMs / CscMs;
    }
}
