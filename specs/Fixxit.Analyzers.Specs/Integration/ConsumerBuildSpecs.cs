using System.Text.RegularExpressions;
using Fixxit.Analyzers.Specs.Support;

namespace Fixxit.Analyzers.Specs.Integration;

/// <summary>
/// End to end, as a user gets it: `dotnet pack` of Fixxit.EnvConfig, a fresh consumer project with one
/// PackageReference to it, and a real `dotnet build`. The broken topology fails with FIX001 at the exact file and
/// line; the corrected one builds clean. Slow (two real builds), hence the category.
/// </summary>
[Category("integration")]
[NonParallelizable]
public sealed partial class ConsumerBuildSpecs
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private const string Topology = """
        using Fixxit.EnvConfig;

        namespace Consumer;

        public static class Environments
        {
            public static readonly AppEnvironment Dev = new()
            {
                Name = "dev", Tier = Tier.Development, Directory = "/srv/site",
                BackendPort = 8080, FrontendPort = 5173, PublicUrl = "https://dev.example.org",
                Proxy = new ProxySite { Domain = "dev.example.org", UpstreamPort = 8080 },
            };

            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", Tier = Tier.Production, Directory = "/srv/site-prod",
                BackendPort = 8081,
                FrontendPort = 5173,
                PublicUrl = "https://app.example.org",
                Database = DatabaseSpec.CopyOf(Dev),
                Proxy = new ProxySite { Domain = "app.example.org", UpstreamPort = 8081 },
            };

            public static readonly ServerHost Server = new() { Name = "box", SshAddress = "127.0.0.1", User = "deploy", Environments = [Dev, Prod] };
        }
        """;

    [Test]
    public async Task A_package_consumer_fails_on_the_broken_line_and_builds_clean_when_corrected()
    {
        var work = Directory.CreateTempSubdirectory("fixxit-consumer-");
        try
        {
            var version = EnvConfigPackage.FreshVersion();
            var (feed, _) = await EnvConfigPackage.PackAsync(work.FullName, version, Limit);

            var consumer = WriteConsumer(work.FullName, feed, version);
            var topologyFile = Path.Combine(consumer, "Environments.cs");
            await File.WriteAllTextAsync(topologyFile, Topology);
            var brokenLine = Topology.Split('\n').ToList().FindIndex(l => l.Contains("FrontendPort = 5173,", StringComparison.Ordinal) && !l.Contains("BackendPort", StringComparison.Ordinal)) + 1;

            var broken = await DotnetCli.RunAsync(consumer, Limit, "build", "Consumer.csproj");

            broken.ExitCode.Should().NotBe(0, broken.Output);
            var errors = ErrorLine().Matches(broken.Output).Select(m => (File: m.Groups["file"].Value, Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Id: m.Groups["id"].Value)).Distinct().ToList();
            errors.Should().Equal([(topologyFile, brokenLine, "FIX001")], broken.Output);

            await File.WriteAllTextAsync(topologyFile, Topology.Replace("FrontendPort = 5173,\n", "FrontendPort = 5174,\n", StringComparison.Ordinal));
            var corrected = await DotnetCli.RunAsync(consumer, Limit, "build", "Consumer.csproj");

            corrected.ExitCode.Should().Be(0, corrected.Output);
            corrected.Output.Should().NotContain(": error ").And.NotContain(": warning ");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>A project outside the repository (its own empty Directory.Build files) that uses only the packed feed.</summary>
    private static string WriteConsumer(string root, string feed, string version)
    {
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");
        // The package has no dependencies (PackageMetadataSpecs); anything else a build restores comes from this machine's
        // package cache as a read-only fallback, so the build needs no network and leaves nothing behind in the cache.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="fixxit-pack" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
                <add key="machine-cache" value="{cache}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        var consumer = Directory.CreateDirectory(Path.Combine(root, "consumer")).FullName;
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestorePackagesPath>{Path.Combine(root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Fixxit.EnvConfig" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        return consumer;
    }

    [GeneratedRegex(@"^(?<file>/[^(\r\n]+)\((?<line>\d+),\d+\): error (?<id>[A-Z]+\d+):", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
