namespace Fixxit.Cli.Commands.Checklist;

/// <summary>
/// Whether the checklist's build output is older than any of its possible inputs. <c>dotnet test</c>'s own restore and
/// up-to-date check of the features' project graph cost a gate 8–20 s even when nothing changed
/// (docs/benchmarks/gate.md); this reads file times only, and errs towards building: every file under <c>features/</c>
/// and <c>src/</c> (outside <c>bin/</c>, <c>obj/</c>, <c>node_modules/</c>) and the repository's MSBuild files count as
/// inputs, and the build is fresh only if it is newer than all of them. "The build" is the newer of its newest output
/// file (a build that recompiles a library copies it into the features' output even when the features assembly is
/// unchanged) and <see cref="Stamp"/>, which a successful build through <see cref="MarkBuilt"/> dates to when that build
/// started — so a file that is not really an input (the CLI's own code) costs one no-op build, not one per gate.
/// </summary>
public static class ChecklistBuildState
{
    public const string OutputFolder = "features/bin/Debug/net10.0";
    public const string OutputAssembly = OutputFolder + "/Fixxit.Checklist.Features.dll";

    public const string Stamp = "features/obj/fixxit-checklist.built";

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "TestResults"];

    /// <summary>Null when the build is fresh; else why it must be built (for the gate's output).</summary>
    public static string? WhyStale(string repository)
    {
        if (!File.Exists(Path.Combine(repository, OutputAssembly))) return $"{OutputAssembly} does not exist";
        var built = Directory.EnumerateFiles(Path.Combine(repository, OutputFolder)).Max(File.GetLastWriteTimeUtc);
        var stamp = new FileInfo(Path.Combine(repository, Stamp));
        if (stamp.Exists && stamp.LastWriteTimeUtc > built) built = stamp.LastWriteTimeUtc;
        var newer = Inputs(repository).FirstOrDefault(file => File.GetLastWriteTimeUtc(file) > built);
        return newer is null ? null : $"{Path.GetRelativePath(repository, newer)} changed since the last build";
    }

    /// <summary>Records a successful build that started at <paramref name="startedUtc"/>: inputs changed after that still count.</summary>
    public static void MarkBuilt(string repository, DateTime startedUtc)
    {
        var stamp = Path.Combine(repository, Stamp);
        File.WriteAllText(stamp, $"built by fixxit; the build started {startedUtc:O}\n");
        File.SetLastWriteTimeUtc(stamp, startedUtc);
    }

    private static IEnumerable<string> Inputs(string repository)
    {
        foreach (var pattern in new[] { "*.props", "*.targets", "*.sln", "global.json" })
        {
            foreach (var file in Directory.EnumerateFiles(repository, pattern)) yield return file;
        }

        foreach (var folder in new[] { "features", "src" })
        {
            var root = Path.Combine(repository, folder);
            if (!Directory.Exists(root)) continue;
            foreach (var file in Walk(root)) yield return file;
        }
    }

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder)) yield return file;
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (SkippedFolders.Contains(Path.GetFileName(child), StringComparer.Ordinal)) continue;
            foreach (var file in Walk(child)) yield return file;
        }
    }
}
