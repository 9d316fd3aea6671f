namespace Fixxit.Sandbox.Backend.Configuration;

/// <summary>The paths an Open WebUI checkout uses, relative to its root (the <c>--app-root</c> option).</summary>
public sealed record AppRoot(string Directory)
{
    public string EnvFile => Path.Combine(Directory, "backend", ".env");

    public string DataDirectory => Path.Combine(Directory, "backend", "data");

    public string DatabaseFile => Path.Combine(DataDirectory, "webui.db");

    public string PackageJson => Path.Combine(Directory, "package.json");

    public static AppRoot From(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full)) throw new ConfigurationException($"--app-root {full}: directory not found");
        return new AppRoot(full);
    }
}
