using System.Runtime.InteropServices;
using Fixxit.Sandbox;

namespace Fixxit.Cli.Commands.Report;

/// <summary>
/// The Node.js and Playwright CLI that the Microsoft.Playwright package puts beside the features build
/// (<c>.playwright/node/&lt;os&gt;-&lt;arch&gt;/node</c> and <c>.playwright/package/cli.js</c>): nothing to install or download.
/// </summary>
public sealed record BundledPlaywright(string Node, string CliScript)
{
    public static BundledPlaywright Find(string? folder)
    {
        var candidates = folder is not null
            ? [Path.GetFullPath(folder)]
            : FeaturesBuilds(SandboxLayout.RepositoryRoot() ?? SandboxLayout.RepositoryRoot(AppContext.BaseDirectory));
        foreach (var candidate in candidates)
        {
            var node = Path.Combine(candidate, "node", Platform(), "node");
            var cli = Path.Combine(candidate, "package", "cli.js");
            if (File.Exists(node) && File.Exists(cli)) return new BundledPlaywright(node, cli);
        }

        throw new UserFacingException(folder is not null
            ? $"--playwright {folder}: no node/{Platform()}/node and package/cli.js in it"
            : "no .playwright folder under features/bin: build the checklist first (`dotnet build features`), or name one with --playwright");
    }

    private static string[] FeaturesBuilds(string? repository) => repository is null
        ? []
        : [.. new[] { "Debug", "Release" }.Select(c => Path.Combine(repository, "features", "bin", c, "net10.0", ".playwright"))];

    /// <summary>The folder name the package uses for this machine, e.g. linux-x64, linux-arm64.</summary>
    private static string Platform()
    {
        var os = OperatingSystem.IsWindows() ? "win32_x64" : OperatingSystem.IsMacOS() ? "darwin" : "linux";
        if (OperatingSystem.IsWindows()) return os;
        return os + "-" + (RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64");
    }
}
