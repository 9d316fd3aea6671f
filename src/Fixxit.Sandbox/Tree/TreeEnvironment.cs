namespace Fixxit.Sandbox.Tree;

/// <summary>
/// The process environment for everything the sandbox runs "on the server" (npm, git, dotnet, start_server.sh): HOME is
/// the sandbox's /home/ec2-user, so caches and config (~/.npm, ~/.gitconfig, ~/.dotnet) stay under the sandbox root and
/// the machine user's own settings are not read — the same HOME (and TMPDIR) an SSH session gets.
/// </summary>
public static class TreeEnvironment
{
    public static IReadOnlyDictionary<string, string> For(SandboxLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new Dictionary<string, string>
        {
            ["HOME"] = layout.UserHome,
            // .NET processes create their diagnostics socket in TMPDIR: keep it (and any temp file) inside the root.
            ["TMPDIR"] = layout.TemporaryDirectory,
            ["DOTNET_CLI_HOME"] = layout.UserHome,
            ["npm_config_cache"] = Path.Combine(layout.UserHome, ".npm"),
            ["npm_config_update_notifier"] = "false",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
    }
}
