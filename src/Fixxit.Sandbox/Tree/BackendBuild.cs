using System.Reflection;

namespace Fixxit.Sandbox.Tree;

/// <summary>
/// Finds the stand-in backend's build output (<c>Fixxit.Sandbox.Backend.dll</c> and its dependencies), which the
/// sandbox copies into each environment's <c>backend/open_webui/</c>. The build of this assembly records the
/// backend's output folder (see Fixxit.Sandbox.csproj, which also builds the backend); <c>FIXXIT_SANDBOX_BACKEND_DIR</c>
/// overrides it.
/// </summary>
public static class BackendBuild
{
    public const string AssemblyFile = "Fixxit.Sandbox.Backend.dll";
    public const string OverrideVariable = "FIXXIT_SANDBOX_BACKEND_DIR";
    public const string MetadataKey = "FixxitSandboxBackendDir";

    /// <summary>The folder holding the backend build output.</summary>
    /// <exception cref="SandboxException">None of the candidates holds a usable build; the message lists them.</exception>
    public static string Locate()
    {
        var candidates = new List<(string Origin, string Path)>();
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } fromEnv) candidates.Add(($"${OverrideVariable}", fromEnv));
        var recorded = typeof(BackendBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == MetadataKey)?.Value;
        if (recorded is { Length: > 0 }) candidates.Add(("the build of Fixxit.Sandbox", recorded));
        candidates.Add(("beside the running program", Path.Combine(AppContext.BaseDirectory, "sandbox-backend")));
        foreach (var (_, path) in candidates)
        {
            if (IsUsable(path)) return Path.GetFullPath(path);
        }

        throw new SandboxException(
            $"the stand-in backend's build output ({AssemblyFile} with its .runtimeconfig.json) was not found. Looked in: " +
            string.Join("; ", candidates.Select(c => $"{c.Path} ({c.Origin})")) +
            $". Build it with `dotnet build src/Fixxit.Sandbox.Backend`, or set {OverrideVariable}.");
    }

    private static bool IsUsable(string directory) =>
        File.Exists(Path.Combine(directory, AssemblyFile)) && File.Exists(Path.Combine(directory, "Fixxit.Sandbox.Backend.runtimeconfig.json"));
}
