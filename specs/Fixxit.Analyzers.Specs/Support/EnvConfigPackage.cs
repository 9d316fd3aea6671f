namespace Fixxit.Analyzers.Specs.Support;

/// <summary>
/// `dotnet pack` of Fixxit.EnvConfig into a folder feed, as a user would get the package. Packs the Fixxit.EnvConfig.dll
/// this spec project was built with (its copy in the spec's output), so a concurrent rebuild of the library's own bin
/// folder cannot pull the file away mid-pack.
/// </summary>
internal static class EnvConfigPackage
{
    /// <summary>The feed folder and the .nupkg in it, under <paramref name="work"/>, at <paramref name="version"/>.</summary>
    public static async Task<(string Feed, string Nupkg)> PackAsync(string work, string version, TimeSpan limit)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
        var pack = await DotnetCli.RunAsync(RepositoryPaths.Root, limit, "pack", RepositoryPaths.Of("src", "Fixxit.EnvConfig", "Fixxit.EnvConfig.csproj"),
            "--no-build", "-c", configuration, "-o", feed, $"-p:PackageVersion={version}",
            $"-p:OutputPath={AppContext.BaseDirectory}", $"-p:NuspecOutputPath={Path.Combine(work, "nuspec")}{Path.DirectorySeparatorChar}");
        pack.ExitCode.Should().Be(0, pack.Output);
        return (feed, Path.Combine(feed, $"Fixxit.EnvConfig.{version}.nupkg"));
    }

    /// <summary>A version no package cache can already hold, so a consumer restores exactly this pack.</summary>
    public static string FreshVersion() => $"0.1.0-spec.{DateTime.UtcNow:yyyyMMddHHmmss}";
}
