namespace Fixxit.Sandbox.Processes;

/// <summary>
/// Starts a long-running program detached from the caller (own session, stdin from /dev/null, output appended to a
/// log file), so it outlives the CLI that started it and never holds the caller's pipes open.
/// </summary>
public static class Daemon
{
    /// <returns>The daemon's process id (the program itself: <c>setsid</c> execs it without forking).</returns>
    public static async Task<int> StartAsync(
        string program,
        IEnumerable<string> arguments,
        string logFile,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        // sh backgrounds the job and prints its pid; the job is not a group leader, so setsid needs no fork.
        const string script = "log=\"$1\"; shift; setsid \"$@\" </dev/null >>\"$log\" 2>&1 & echo $!";
        var result = await ProcessRunner.RunCheckedAsync(
            "/bin/sh", ["-c", script, "sh", logFile, program, .. arguments], workingDirectory, environment, cancellationToken).ConfigureAwait(false);
        return int.Parse(result.StdOut.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
