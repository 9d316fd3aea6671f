namespace Fixxit.Sandbox.Backend.Specs.Support;

/// <summary>
/// Where the built stand-in lives: its project's own output folder (same configuration as these specs), found by
/// walking up to the repository root. Specs copy it elsewhere before running it, as the sandbox does.
/// </summary>
public static class BackendBuild
{
    public const string AssemblyFile = "Fixxit.Sandbox.Backend.dll";

    public static string OutputDirectory { get; } = Locate();

    private static string Locate()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        // .../specs/Fixxit.Sandbox.Backend.Specs/bin/<Configuration>/net10.0/
        var configuration = here.Parent?.Name ?? "Debug";
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Fixxit.Verify.sln"))) continue;
            var output = Path.Combine(dir.FullName, "src", "Fixxit.Sandbox.Backend", "bin", configuration, "net10.0");
            if (File.Exists(Path.Combine(output, AssemblyFile))) return output;
            throw new InvalidOperationException($"{output}: the stand-in backend is not built ({AssemblyFile} missing)");
        }

        throw new InvalidOperationException($"no Fixxit.Verify.sln above {here.FullName}");
    }

    /// <summary>Copies the build output to <paramref name="target"/> (like the sandbox's <c>backend/open_webui/</c>).</summary>
    public static void CopyTo(string target)
    {
        foreach (var file in Directory.EnumerateFiles(OutputDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(OutputDirectory, file);
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
