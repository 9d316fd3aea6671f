using System.Diagnostics;
using System.Globalization;

namespace Fixxit.Sandbox.Processes;

/// <summary>
/// Looks processes up by pid in /proc and stops them. A pid only counts as "ours" when its command line mentions a
/// marker (the sandbox root), so a stale pid file whose number was reused by another program is never killed.
/// </summary>
public static class ProcessTable
{
    /// <summary>The process's command line with NULs as spaces, or null when no such process exists (or it is a zombie).</summary>
    public static string? CommandLine(int pid)
    {
        if (pid <= 0) return null;
        try
        {
            var status = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = status[(status.LastIndexOf(')') + 2)..];
            if (afterName.StartsWith('Z')) return null;
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool IsAlive(int pid) => CommandLine(pid) is not null;

    /// <summary>True when <paramref name="pid"/> runs and its command line or working directory mentions the path <paramref name="marker"/>.</summary>
    public static bool IsOurs(int? pid, string marker) =>
        pid is { } p && CommandLine(p) is { } cmd && (MentionsPath(cmd, marker) || (WorkingDirectory(p) is { } cwd && MentionsPath(cwd, marker)));

    /// <summary>
    /// True when <paramref name="text"/> contains <paramref name="path"/> as a whole path or a path prefix: followed by
    /// the end, '/', or a space. So <c>…/fixxit.ai-openwebui</c> is not found in <c>…/fixxit.ai-openwebui-prod</c>.
    /// </summary>
    public static bool MentionsPath(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.TrimEnd('/');
        for (var at = text.IndexOf(trimmed, StringComparison.Ordinal); at >= 0; at = text.IndexOf(trimmed, at + 1, StringComparison.Ordinal))
        {
            var next = at + trimmed.Length;
            if (next == text.Length || text[next] is '/' or ' ') return true;
        }

        return false;
    }

    /// <summary>The process's current directory, or null when it cannot be read.</summary>
    public static string? WorkingDirectory(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/cwd").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads a pid file; null when it is missing or not a number.</summary>
    public static int? ReadPidFile(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>SIGTERM, wait up to <paramref name="grace"/>, then SIGKILL. True when the process is gone.</summary>
    public static async Task<bool> StopAsync(int pid, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (!IsAlive(pid)) return true;
        await ProcessRunner.RunAsync("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (await WaitGoneAsync(pid, grace, cancellationToken).ConfigureAwait(false)) return true;
        await ProcessRunner.RunAsync("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)], cancellationToken: cancellationToken).ConfigureAwait(false);
        return await WaitGoneAsync(pid, TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="StopAsync"/> for a process that leads its own group (started with setsid): signals the whole group.</summary>
    public static async Task<bool> StopGroupAsync(int pid, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (!IsAlive(pid)) return true;
        var group = "-" + pid.ToString(CultureInfo.InvariantCulture);
        await ProcessRunner.RunAsync("kill", ["-TERM", "--", group], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (await WaitGoneAsync(pid, grace, cancellationToken).ConfigureAwait(false)) return true;
        await ProcessRunner.RunAsync("kill", ["-KILL", "--", group], cancellationToken: cancellationToken).ConfigureAwait(false);
        return await WaitGoneAsync(pid, TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pid and every parent up to init.</summary>
    public static HashSet<int> Ancestors(int pid)
    {
        var chain = new HashSet<int>();
        while (pid > 1 && chain.Add(pid))
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                pid = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                break;
            }
        }

        return chain;
    }

    /// <summary>Every live process whose command line contains <paramref name="marker"/> (excluding this one).</summary>
    public static IReadOnlyList<(int Pid, string CommandLine)> FindByMarker(string marker)
    {
        var self = Environment.ProcessId;
        var found = new List<(int, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == self) continue;
            if (CommandLine(pid) is { } cmd && MentionsPath(cmd, marker)) found.Add((pid, cmd));
        }

        return found;
    }

    private static async Task<bool> WaitGoneAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (!IsAlive(pid)) return true;
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return !IsAlive(pid);
    }
}
