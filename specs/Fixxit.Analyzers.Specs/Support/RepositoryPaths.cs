namespace Fixxit.Analyzers.Specs.Support;

/// <summary>Finds files of this repository from the test's output directory (the folder holding Fixxit.Verify.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fixxit.Verify.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"no Fixxit.Verify.sln above {AppContext.BaseDirectory}");
    }
}
