namespace Fixxit.Sandbox.Processes;

/// <summary>An exclusive lock on a sandbox root, so two <c>up</c>/<c>down</c> runs never interleave.</summary>
public sealed class RootLock : IDisposable
{
    private readonly FileStream _stream;

    private RootLock(FileStream stream) => _stream = stream;

    public static async Task<RootLock> AcquireAsync(SandboxLayout layout, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var path = Path.Combine(layout.Root, ".lock");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new RootLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (DirectoryNotFoundException e)
            {
                throw new SandboxException($"no sandbox at {layout.Root}", e);
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new SandboxException($"another fixxit process holds {path} (sandbox up/down/fault running?); waited {timeout.TotalSeconds:0} s", e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
