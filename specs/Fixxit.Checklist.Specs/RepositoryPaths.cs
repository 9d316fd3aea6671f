namespace Fixxit.Checklist.Specs;

/// <summary>Where the repository's files are, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Fixxit.Sandbox.SandboxLayout.RepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"no Fixxit.Verify.sln above {AppContext.BaseDirectory}");

    /// <summary>The plan, beside the repository (<c>../shared/seed/deployment-plan.md</c>).</summary>
    public static string Plan => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seed", "deployment-plan.md"));

    /// <summary>Plan line → scenarios, the file the checklist's report is built from (embedded by the build).</summary>
    public static string ChecklistMap => Path.Combine(Root, "features", "checklist-map.md");

    public static string FeaturesProject => Path.Combine(Root, "features");

    public static string FeatureFiles => Path.Combine(FeaturesProject, "Features");

    public static string Runsettings(string name) => Path.Combine(Root, "runsettings", name + ".runsettings");

    /// <summary>The build configuration this spec assembly was built in (the child gate runs the same one, --no-build).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/', '\\')).Parent!.Name;
}
