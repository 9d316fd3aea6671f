namespace Fixxit.Evidence;

/// <summary>
/// The run's private working folder for what must never reach a report: Playwright's traces in progress, the browser's
/// home, database snapshots. It lives outside every report folder, readable by the owner only (0700), and is deleted
/// when the run ends. A run that crashed cannot delete its folder, so each run holds an exclusive lock on a file in its
/// own folder, and the next run removes every folder whose lock nobody holds any more.
/// </summary>
public sealed class PrivateScratch : IDisposable
{
    /// <summary>Overrides where the per-user scratch root lives (default: the temp folder).</summary>
    public const string RootVariable = "FIXXIT_SCRATCH_DIR";

    private const string LockFileName = ".owner.lock";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly FileStream _lock;

    private PrivateScratch(string directory, FileStream ownerLock)
    {
        Directory = directory;
        _lock = ownerLock;
    }

    /// <summary>This run's folder (0700).</summary>
    public string Directory { get; }

    /// <summary>Folders of earlier runs that were removed because their run is gone (crashed or killed).</summary>
    public IReadOnlyList<string> Swept { get; private init; } = [];

    /// <summary>
    /// Creates this run's folder under <paramref name="root"/> (default: <c>$FIXXIT_SCRATCH_DIR</c>, else
    /// <c>&lt;temp&gt;/fixxit-scratch-&lt;user&gt;</c>) after removing folders that crashed runs left behind.
    /// </summary>
    public static PrivateScratch Create(string? root = null)
    {
        root ??= DefaultRoot();
        EnsurePrivateDirectory(root);
        var swept = SweepAbandoned(root);
        var directory = Path.Combine(root, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        EnsurePrivateDirectory(directory);
        // .NET takes an advisory flock for FileShare.None on Unix: held until disposed, released by the kernel on a crash.
        var ownerLock = new FileStream(Path.Combine(directory, LockFileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new PrivateScratch(directory, ownerLock) { Swept = swept };
    }

    public static string DefaultRoot()
    {
        var configured = Environment.GetEnvironmentVariable(RootVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetTempPath(), "fixxit-scratch-" + Environment.UserName)
            : Path.GetFullPath(configured);
    }

    /// <summary>A private sub-folder of this run's folder (created on demand, 0700).</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(Directory, name);
        EnsurePrivateDirectory(path);
        return path;
    }

    /// <summary>A fresh file path inside this run's folder (the file is not created).</summary>
    public string NewFile(string folder, string extension) => Path.Combine(Folder(folder), Guid.NewGuid().ToString("N") + extension);

    public void Dispose()
    {
        _lock.Dispose();
        TryDelete(Directory);
    }

    private static List<string> SweepAbandoned(string root)
    {
        var swept = new List<string>();
        foreach (var candidate in System.IO.Directory.EnumerateDirectories(root, "run-*"))
        {
            var lockFile = Path.Combine(candidate, LockFileName);
            try
            {
                // Opening with FileShare.None succeeds only when no living run holds the lock.
                using (new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }
            }
            catch (FileNotFoundException)
            {
                // A run between creating its folder and its lock file, or a folder that never got one: leave it to its owner,
                // unless it is old enough that no run can still be starting.
                if (System.IO.Directory.GetLastWriteTimeUtc(candidate) > DateTime.UtcNow.AddHours(-1)) continue;
            }
            catch (IOException)
            {
                continue; // locked: its run is alive
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (TryDelete(candidate)) swept.Add(candidate);
        }

        return swept;
    }

    /// <summary>Creates the folder 0700, or makes an existing one 0700; refuses a symlink (another user could redirect it).</summary>
    private static void EnsurePrivateDirectory(string path)
    {
        var info = new DirectoryInfo(path);
        if (info.Exists && info.LinkTarget is not null)
            throw new IOException($"scratch folder {path} is a symbolic link; refusing to write private data through it");
        if (OperatingSystem.IsWindows())
        {
            // No Unix modes there: the user's profile temp folder is already private to them.
            System.IO.Directory.CreateDirectory(path);
            return;
        }

        if (!info.Exists) System.IO.Directory.CreateDirectory(path, OwnerOnly);
        try
        {
            // CreateDirectory is subject to the umask and an existing folder may have any mode: make it 0700 either way.
            if (File.GetUnixFileMode(path) != OwnerOnly) File.SetUnixFileMode(path, OwnerOnly);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"scratch folder {path} belongs to another user and cannot be made private; set {RootVariable} to a folder of yours", e);
        }
    }

    private static bool TryDelete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory)) System.IO.Directory.Delete(directory, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
