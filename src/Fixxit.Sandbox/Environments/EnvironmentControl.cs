using Fixxit.EnvConfig;
using Fixxit.Remote;
using Fixxit.Sandbox.Processes;
using Fixxit.Sandbox.Tree;

namespace Fixxit.Sandbox.Environments;

/// <summary>Runs an environment's own <c>start_server.sh</c> locally (as the server would) and reads its pid files.</summary>
public static class EnvironmentControl
{
    public static bool IsProvisioned(AppEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return File.Exists(environment.PathOf(environment.Commands.Script));
    }

    /// <summary><c>./start_server.sh &lt;verb&gt;</c> in the environment directory; returns whatever it exited with.</summary>
    public static Task<CommandResult> RunAsync(SandboxLayout layout, AppEnvironment environment, string verb, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return ProcessRunner.RunAsync("/bin/bash", [environment.PathOf(environment.Commands.Script), verb], environment.Directory, TreeEnvironment.For(layout), cancellationToken);
    }

    public static async Task<CommandResult> RunCheckedAsync(SandboxLayout layout, AppEnvironment environment, string verb, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(layout, environment, verb, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded) return result;
        var logs = environment.PathOf(environment.LogsDirectory);
        throw new SandboxException(
            $"{environment.Name}: ./{environment.Commands.Script} {verb} failed (exit {result.ExitCode}): {(result.StdOut + result.StdErr).Trim()}" +
            $"{Environment.NewLine}logs/backend.log ends with:{Environment.NewLine}{Tail(Path.Combine(logs, "backend.log"))}" +
            $"{Environment.NewLine}logs/frontend.log ends with:{Environment.NewLine}{Tail(Path.Combine(logs, "frontend.log"))}");
    }

    private static string Tail(string file)
    {
        if (!File.Exists(file)) return "  (missing)";
        var lines = File.ReadAllLines(file);
        return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - 6)).Select(l => "  " + l));
    }

    /// <summary>The live pid of "backend" or "frontend" from <c>logs/&lt;part&gt;.pid</c>, when it is a process of this environment.</summary>
    public static int? Pid(AppEnvironment environment, string part)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var pid = ProcessTable.ReadPidFile(Path.Combine(environment.PathOf(environment.LogsDirectory), part + ".pid"));
        return ProcessTable.IsOurs(pid, environment.Directory) ? pid : null;
    }
}
