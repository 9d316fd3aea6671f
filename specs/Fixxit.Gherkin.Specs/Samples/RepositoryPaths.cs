namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>Finds the repository (the folder holding Fixxit.Verify.sln) from the specs' output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SamplesProject => Path.Combine(Root, "specs", "Fixxit.Gherkin.Samples", "Fixxit.Gherkin.Samples.csproj");

    public static string SamplesResults => Path.Combine(Root, "specs", "Fixxit.Gherkin.Samples", "TestResults");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fixxit.Verify.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Fixxit.Verify.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
