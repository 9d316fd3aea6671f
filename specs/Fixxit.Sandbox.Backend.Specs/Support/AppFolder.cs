namespace Fixxit.Sandbox.Backend.Specs.Support;

/// <summary>
/// One copy of the built stand-in per spec run, outside the repository, like the sandbox's
/// <c>&lt;env&gt;/backend/open_webui/</c>: proves the app finds nothing relative to its source tree.
/// </summary>
public static class AppFolder
{
    private static readonly Lazy<string> Copy = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fixxit-backend-specs-{Environment.ProcessId}", "open_webui");
        BackendBuild.CopyTo(path);
        return path;
    });

    public static string Path => Copy.Value;

    public static void Delete()
    {
        if (!Copy.IsValueCreated) return;
        var parent = Directory.GetParent(Copy.Value)!.FullName;
        if (Directory.Exists(parent)) Directory.Delete(parent, recursive: true);
    }
}
