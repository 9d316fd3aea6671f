using Fixxit.Checklist.Features.Support;
using Fixxit.Remote;
using Fixxit.Masking;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// The run's one SSH connection to the target host (SSH.NET, host key pinned), opened on first use and shared by every
/// scenario; commands run as exec channels on it. Each command is logged (masked) to ssh.log beside the report.
/// </summary>
public sealed class ServerConnection(Target target) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _logGate = new();
    private SshSession? _session;

    public async Task<SshSession> SessionAsync()
    {
        if (_session is { } ready) return ready;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_session is { } raced) return raced;
            try
            {
                _session = await SshSession.ConnectAsync(target.Ssh, Log).ConfigureAwait(false);
            }
            catch (SshConnectException e)
            {
                throw new ChecklistFailure($"the server cannot be reached over SSH ({e.Failure}): {e.Message}");
            }

            return _session;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<CommandResult> RunAsync(string command)
    {
        var session = await SessionAsync().ConfigureAwait(false);
        return await session.RunAsync(command).ConfigureAwait(false);
    }

    public async Task<string> ReadFileAsync(string path)
    {
        var session = await SessionAsync().ConfigureAwait(false);
        return await session.ReadFileAsync(path).ConfigureAwait(false);
    }

    private void Log(string line)
    {
        lock (_logGate)
        {
            File.AppendAllText(Path.Combine(target.ResultsDirectory, "ssh.log"), $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {SecretMasker.Shared.Mask(line)}{Environment.NewLine}");
        }
    }

    public void Dispose()
    {
        _session?.Dispose();
        _gate.Dispose();
    }
}
