using Fixxit.Sandbox.Processes;

namespace Fixxit.Sandbox.Ssh;

/// <summary>The sandbox's own OpenSSH daemon: generated keys, its own config, started by pid file and stopped by pid.</summary>
public static class SshdServer
{
    public const string Program = "/usr/sbin/sshd";

    /// <summary>Makes the host and client keys, the authorized key, the user's small <c>.bashrc</c> and the config.</summary>
    /// <returns>The host key's SHA-256 fingerprint (without <c>SHA256:</c>).</returns>
    public static async Task<string> PrepareAsync(SandboxLayout layout, int port, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        await SshKeys.EnsureAsync(layout.HostKey, "fixxit-sandbox-host", cancellationToken).ConfigureAwait(false);
        await SshKeys.EnsureAsync(layout.ClientKey, "fixxit-sandbox-client", cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(layout.AuthorizedKeys, await File.ReadAllTextAsync(layout.ClientKey + ".pub", cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        Directory.CreateDirectory(layout.UserHome);
        Directory.CreateDirectory(layout.TemporaryDirectory);
        var bashrc = Path.Combine(layout.UserHome, ".bashrc");
        if (!File.Exists(bashrc))
        {
            // Sourced by every SSH command (bash does so when run by sshd): keep it cheap, start where the real server does.
            await File.WriteAllTextAsync(bashrc, "# Fixxit sandbox: the login user's .bashrc (kept cheap: it runs for every SSH command)\ncd \"$HOME\" 2>/dev/null || true\n", cancellationToken)
                .ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(layout.SshdConfig, SshdConfigRenderer.Render(layout, port), cancellationToken).ConfigureAwait(false);
        return await SshKeys.FingerprintAsync(layout.HostKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The running sshd's pid, if the pid file names a live sshd of this sandbox.</summary>
    public static int? RunningPid(SandboxLayout layout)
    {
        var pid = ProcessTable.ReadPidFile(layout.SshdPidFile);
        return ProcessTable.IsOurs(pid, layout.SshdConfig) ? pid : null;
    }

    /// <summary>Starts sshd unless it already runs; waits until it accepts connections.</summary>
    public static async Task<int> EnsureRunningAsync(SandboxLayout layout, int port, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (RunningPid(layout) is { } running) return running;
        DeleteIfPresent(layout.SshdPidFile);
        await Ports.EnsureFreeAsync(port, "sshd", cancellationToken).ConfigureAwait(false);

        // sshd refuses to start without its privilege separation directory; a fresh container lacks it.
        Directory.CreateDirectory("/run/sshd");
        await ProcessRunner.RunCheckedAsync(Program, ["-t", "-f", layout.SshdConfig], cancellationToken: cancellationToken).ConfigureAwait(false);
        await ProcessRunner.RunCheckedAsync(Program, ["-f", layout.SshdConfig, "-E", layout.SshdLog], layout.Root, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!await PortProbe.WaitAcceptingAsync(port, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false))
        {
            throw new SandboxException($"sshd did not start listening on 127.0.0.1:{port} within 10 s; see {layout.SshdLog}");
        }

        // sshd binds before it daemonizes and writes its pid file: on a busy machine the port answers first.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (RunningPid(layout) is { } pid) return pid;
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        throw new SandboxException($"sshd listens on {port} but its pid file {layout.SshdPidFile} names no live sshd after 10 s; see {layout.SshdLog}");
    }

    public static async Task StopAsync(SandboxLayout layout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (RunningPid(layout) is { } pid) await ProcessTable.StopAsync(pid, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        DeleteIfPresent(layout.SshdPidFile);
    }

    // The folder may not exist yet (a root that never got this far); nothing to delete then.
    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }
}
