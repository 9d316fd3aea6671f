using System.Net.Sockets;
using System.Text;
using Fixxit.Masking;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Fixxit.Remote;

/// <summary>
/// One pinned SSH connection (SSH.NET) to a <see cref="SshTarget"/>: commands, SFTP transfers and atomic file writes.
/// The host key is accepted only if its SHA-256 fingerprint equals the pin. Everything it logs goes through
/// <see cref="SecretMasker.Shared"/>. Commands may run concurrently; SFTP opens a second connection on first use.
/// </summary>
public sealed class SshSession : IAsyncDisposable, IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly PrivateKeyFile _key;
    private readonly SshClient _ssh;
    private readonly SemaphoreSlim _sftpGate = new(1, 1);
    private readonly Action<string>? _log;
    private SftpClient? _sftp;
    private string? _presentedFingerprint;

    private SshSession(SshTarget target, PrivateKeyFile key, Action<string>? log)
    {
        Target = target;
        _key = key;
        _log = log;
        _connection = new ConnectionInfo(target.Host, target.Port, target.User, new PrivateKeyAuthenticationMethod(target.User, key))
        {
            Timeout = target.ConnectTimeout,
        };
        _ssh = new SshClient(_connection);
        _ssh.HostKeyReceived += OnHostKey;
    }

    public SshTarget Target { get; }

    /// <summary>Connects and authenticates, or throws <see cref="SshConnectException"/> saying why.</summary>
    /// <param name="log">Receives one masked line per command and transfer; null for silence.</param>
    public static async Task<SshSession> ConnectAsync(SshTarget target, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var session = new SshSession(target, LoadKey(target), log);
        try
        {
            await session.ConnectClientAsync(session._ssh, cancellationToken).ConfigureAwait(false);
            session.Write($"ssh: connected to {target.Display} (host key SHA256:{session._presentedFingerprint})");
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="command"/> through the remote user's shell and returns whatever it exited with.</summary>
    public async Task<CommandResult> RunAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var ssh = _ssh.CreateCommand(command);
        await ssh.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        var result = new CommandResult(ssh.ExitStatus ?? -1, ssh.Result, ssh.Error);
        Write($"ssh {Target.Display}: {command} → exit {result.ExitCode}");
        return result;
    }

    /// <summary>Like <see cref="RunAsync"/>, but a non-zero exit throws <see cref="RemoteCommandException"/>.</summary>
    public async Task<CommandResult> RunCheckedAsync(string command, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result : throw new RemoteCommandException(Target.Display, command, result);
    }

    public async Task UploadAsync(Stream content, string remotePath, CancellationToken cancellationToken = default)
    {
        var sftp = await SftpAsync(cancellationToken).ConfigureAwait(false);
        await sftp.UploadFileAsync(content, remotePath, cancellationToken).ConfigureAwait(false);
        Write($"sftp {Target.Display}: uploaded {remotePath}");
    }

    public async Task UploadAsync(string localPath, string remotePath, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(localPath);
        await UploadAsync(file, remotePath, cancellationToken).ConfigureAwait(false);
    }

    public async Task DownloadAsync(string remotePath, Stream destination, CancellationToken cancellationToken = default)
    {
        var sftp = await SftpAsync(cancellationToken).ConfigureAwait(false);
        await sftp.DownloadFileAsync(remotePath, destination, cancellationToken).ConfigureAwait(false);
        Write($"sftp {Target.Display}: downloaded {remotePath}");
    }

    public async Task DownloadAsync(string remotePath, string localPath, CancellationToken cancellationToken = default)
    {
        // Download next to the destination and move, so a failed transfer never leaves a half file at localPath.
        var partial = localPath + ".partial";
        await using (var file = File.Create(partial))
        {
            await DownloadAsync(remotePath, file, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, localPath, overwrite: true);
    }

    public async Task<bool> ExistsAsync(string remotePath, CancellationToken cancellationToken = default)
    {
        var sftp = await SftpAsync(cancellationToken).ConfigureAwait(false);
        return await sftp.ExistsAsync(remotePath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The remote file as UTF-8 text.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names host and path).</exception>
    public async Task<string> ReadFileAsync(string remotePath, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        try
        {
            await DownloadAsync(remotePath, buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (SftpPathNotFoundException e)
        {
            throw new FileNotFoundException($"{Target.Display}: no such file {remotePath}", remotePath, e);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Replaces <paramref name="remotePath"/> atomically: writes a temporary file beside it, gives it the old file's
    /// permissions (or <paramref name="mode"/>), then renames it over the original (POSIX rename). Readers see the old
    /// or the new content, never a half-written file.
    /// </summary>
    /// <param name="mode">Permissions as chmod writes them (e.g. "600"); null keeps the existing file's, or "644" for a new file.</param>
    public async Task WriteFileAtomicAsync(string remotePath, string content, string? mode = null, CancellationToken cancellationToken = default) =>
        await WriteFileAtomicAsync(remotePath, Encoding.UTF8.GetBytes(content), mode, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="WriteFileAtomicAsync(string, string, string?, CancellationToken)"/>
    public async Task WriteFileAtomicAsync(string remotePath, byte[] content, string? mode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var requested = mode is null ? (short?)null : ParseMode(mode);
        var sftp = await SftpAsync(cancellationToken).ConfigureAwait(false);
        var temporary = $"{remotePath}.fixxit-{Guid.NewGuid():N}.tmp";
        short? existingMode = await sftp.ExistsAsync(remotePath, cancellationToken).ConfigureAwait(false)
            ? PermissionBits(await sftp.GetAttributesAsync(remotePath, cancellationToken).ConfigureAwait(false))
            : null;
        try
        {
            using (var stream = new MemoryStream(content, writable: false))
            {
                await sftp.UploadFileAsync(stream, temporary, cancellationToken).ConfigureAwait(false);
            }

            sftp.ChangePermissions(temporary, requested ?? existingMode ?? 644);
            sftp.RenameFile(temporary, remotePath, isPosix: true);
            Write($"sftp {Target.Display}: wrote {remotePath} ({content.Length} bytes, atomic)");
        }
        catch
        {
            try
            {
                if (sftp.Exists(temporary)) sftp.DeleteFile(temporary);
            }
            catch (SshException)
            {
                // Best effort: the original error below is the one that matters.
            }

            throw;
        }
    }

    public void Dispose()
    {
        _ssh.HostKeyReceived -= OnHostKey;
        _ssh.Dispose();
        if (_sftp is not null)
        {
            _sftp.HostKeyReceived -= OnHostKey;
            _sftp.Dispose();
        }

        _key.Dispose();
        _sftpGate.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    // SSH.NET takes modes as chmod's digits read as a decimal number (750 means rwxr-x---).
    private static short PermissionBits(Renci.SshNet.Sftp.SftpFileAttributes a)
    {
        static int Digit(bool r, bool w, bool x) => (r ? 4 : 0) + (w ? 2 : 0) + (x ? 1 : 0);
        return (short)((Digit(a.OwnerCanRead, a.OwnerCanWrite, a.OwnerCanExecute) * 100)
            + (Digit(a.GroupCanRead, a.GroupCanWrite, a.GroupCanExecute) * 10)
            + Digit(a.OthersCanRead, a.OthersCanWrite, a.OthersCanExecute));
    }

    private static short ParseMode(string mode) =>
        mode.Length == 3 && mode.All(c => c is >= '0' and <= '7')
            ? short.Parse(mode, System.Globalization.CultureInfo.InvariantCulture)
            : throw new ArgumentException($"file mode '{mode}' is not three octal digits like \"644\"", nameof(mode));

    private static PrivateKeyFile LoadKey(SshTarget target)
    {
        if (!File.Exists(target.PrivateKeyPath))
        {
            throw new SshConnectException(SshFailure.PrivateKeyUnusable, $"SSH private key for {target.Display} not found: {target.PrivateKeyPath}");
        }

        try
        {
            return new PrivateKeyFile(target.PrivateKeyPath);
        }
        catch (Exception e) when (e is SshException or InvalidOperationException or NotSupportedException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new SshConnectException(SshFailure.PrivateKeyUnusable, $"SSH private key {target.PrivateKeyPath} for {target.Display} is unusable: {e.Message}", e);
        }
    }

    private async Task<SftpClient> SftpAsync(CancellationToken cancellationToken)
    {
        if (_sftp is { IsConnected: true } ready) return ready;
        await _sftpGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sftp is { IsConnected: true } raced) return raced;
            _sftp?.Dispose();
            _sftp = new SftpClient(_connection);
            _sftp.HostKeyReceived += OnHostKey;
            await ConnectClientAsync(_sftp, cancellationToken).ConfigureAwait(false);
            return _sftp;
        }
        finally
        {
            _sftpGate.Release();
        }
    }

    private async Task ConnectClientAsync(BaseClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (_presentedFingerprint is { } presented && !HostKeyPin.Matches(Target.HostKeyFingerprint, presented))
        {
            throw new SshConnectException(
                SshFailure.HostKeyMismatch,
                HostKeyPin.ChangedWarning(Target.Display, Target.HostKeyFingerprint, presented),
                e);
        }
        catch (SshAuthenticationException e)
        {
            throw new SshConnectException(
                SshFailure.AuthenticationFailed,
                $"{Target.Display} refused authentication with key {Target.PrivateKeyPath}: {e.Message}",
                e);
        }
        catch (Exception e) when (e is SocketException or SshConnectionException or SshOperationTimeoutException or TimeoutException or OperationCanceledException)
        {
            throw new SshConnectException(SshFailure.Unreachable, $"cannot reach SSH at {Target.Display}: {e.Message}", e);
        }
    }

    private void OnHostKey(object? sender, HostKeyEventArgs e)
    {
        _presentedFingerprint = HostKeyPin.Normalize(e.FingerPrintSHA256);
        e.CanTrust = HostKeyPin.Matches(Target.HostKeyFingerprint, e.FingerPrintSHA256);
    }

    private void Write(string line) => _log?.Invoke(SecretMasker.Shared.Mask(line));
}
