using Fixxit.Sandbox;
using Fixxit.Sandbox.Processes;
using Fixxit.Sandbox.Ssh;

namespace Fixxit.Rehearsal.Host;

/// <summary>
/// OpenSSH on the replica's port 22, key-only, for the login user at its real home: the sandbox's keys and config
/// renderer with the real server's port and <c>~/.ssh/authorized_keys</c>. The host key is made once and pinned.
/// </summary>
public static class ReplicaSshd
{
    public const int Port = 22;

    /// <returns>The host key's SHA-256 fingerprint (without <c>SHA256:</c>).</returns>
    public static async Task<string> StartAsync(SandboxLayout parts, string userHome, int userId, int groupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        await SshKeys.EnsureAsync(parts.HostKey, "fixxit-rehearsal-host", cancellationToken).ConfigureAwait(false);
        await SshKeys.EnsureAsync(parts.ClientKey, "fixxit-rehearsal-client", cancellationToken).ConfigureAwait(false);
        var sshDirectory = Path.Combine(userHome, ".ssh");
        Directory.CreateDirectory(sshDirectory);
        var authorized = Path.Combine(sshDirectory, "authorized_keys");
        await File.WriteAllTextAsync(authorized, await File.ReadAllTextAsync(parts.ClientKey + ".pub", cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        File.SetUnixFileMode(sshDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(authorized, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await ProcessRunner.RunCheckedAsync("chown", ["-R", $"{userId}:{groupId}", sshDirectory], cancellationToken: cancellationToken).ConfigureAwait(false);

        await File.WriteAllTextAsync(parts.SshdConfig, SshdConfigRenderer.Render(new SshdConfigOptions
        {
            Port = Port,
            HostKey = parts.HostKey,
            PidFile = parts.SshdPidFile,
            AuthorizedKeysFile = ".ssh/authorized_keys",
        }), cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory("/run/sshd"); // inside: the replica's own /run
        await ProcessRunner.RunCheckedAsync(SshdServer.Program, ["-t", "-f", parts.SshdConfig], cancellationToken: cancellationToken).ConfigureAwait(false);
        await ProcessRunner.RunCheckedAsync(SshdServer.Program, ["-f", parts.SshdConfig, "-E", parts.SshdLog], parts.Root, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!await PortProbe.WaitAcceptingAsync(Port, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false))
        {
            throw new RehearsalException($"sshd did not listen on 127.0.0.1:{Port} within 10 s; see {parts.SshdLog}");
        }

        return await SshKeys.FingerprintAsync(parts.HostKey, cancellationToken).ConfigureAwait(false);
    }
}
