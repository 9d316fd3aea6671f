using System.Globalization;
using Fixxit.EnvConfig;
using Fixxit.Sandbox.Environments;
using Fixxit.Sandbox.Mounts;
using Fixxit.Sandbox.Processes;

namespace Fixxit.Sandbox.Faults;

/// <summary>
/// The disk holding prod is nearly full. Prod's directory is moved onto a small filesystem of its own (a tmpfs the
/// size of the tree plus <see cref="Headroom"/>, bind-mounted over the directory: what <c>df</c> of the directory then
/// reports), and a forgotten rotated log fills it to <see cref="LeftFree"/>. The machine's own disk is never filled.
/// Prod is stopped for the move and started on the new filesystem; <c>off</c> carries everything prod wrote meanwhile
/// back to the directory (the filler log excepted), unmounts both mounts and starts prod again.
/// </summary>
public sealed class LowDiskSpaceFault : ProdFault
{
    public const string FaultName = "low-disk-space";

    /// <summary>More than the sandbox profile's 256 MB minimum (<c>MinimumFreeDiskMegabytes</c>): the empty volume passes; the filler is the cause.</summary>
    public const long Headroom = 320;

    /// <summary>What the filler leaves free: room for prod to keep working, far below any profile's minimum.</summary>
    public const long LeftFree = 32;

    /// <summary>The rotated log nobody cleaned up, relative to the environment directory.</summary>
    public const string Filler = "logs/backend.log.1";

    public override string Name => FaultName;

    public override string Changes =>
        $"prod's directory moves onto a small filesystem of its own (a tmpfs of the tree's size + {Headroom} MB under <root>/faults/{FaultName}/volume, bind-mounted over the directory; prod is stopped for the copy and started again), then a forgotten {Filler} fills it to {LeftFree} MB free; off carries prod's changes back, unmounts and restarts prod. Needs permission to mount (root); `sandbox down` always unmounts";

    public override string GateMustReport =>
        $"\"The server has enough free disk space\" fails: the server's disk holding prod has {LeftFree} MB free or less, less than the required minimum; prod keeps answering";

    public static string Volume(SandboxLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Path.Combine(layout.Root, "faults", FaultName, "volume");
    }

    /// <summary>Present while prod's files are (or may be) on the volume: whoever releases it carries them back first.</summary>
    private static string CopiedMarker(SandboxLayout layout) => Path.Combine(layout.Root, "faults", FaultName, "copied");

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.Layout;
        var prod = context.Prod;
        var volume = Volume(layout);
        if (MountTable.IsMountPoint(prod.Directory) || MountTable.IsMountPoint(volume))
        {
            throw new SandboxException($"{FaultName}: {prod.Directory} or {volume} is still mounted from an earlier run; `fixxit sandbox down` releases it");
        }

        var treeMegabytes = await MegabytesUsedAsync(prod.Directory, cancellationToken).ConfigureAwait(false);
        // First the one step that may be refused: nothing else has changed yet if it is.
        if (await MountTable.TryMountTmpfsAsync(volume, treeMegabytes + Headroom, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            throw new FaultUnavailableException($"{FaultName} needs to mount a small filesystem, which this machine does not allow (run as root with CAP_SYS_ADMIN): {refused}; nothing was changed");
        }

        try
        {
            await EnvironmentControl.RunAsync(layout, prod, "stop", cancellationToken).ConfigureAwait(false);
            await ProcessRunner.RunCheckedAsync("rsync", ["-a", prod.Directory.TrimEnd('/') + "/", volume + "/"], cancellationToken: cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(CopiedMarker(layout), prod.Directory, cancellationToken).ConfigureAwait(false);
            await MountTable.BindAsync(volume, prod.Directory, cancellationToken).ConfigureAwait(false);
            FillTo(prod.PathOf(Filler), volume, LeftFree);
            await context.StartProdAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(layout, prod, cancellationToken).ConfigureAwait(false);
            await context.StartProdAsync(cancellationToken).ConfigureAwait(false);
            throw;
        }

        return new ActiveFault { Name = Name, Undo = { ["volume"] = volume } };
    }

    public override async Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await EnvironmentControl.RunAsync(context.Layout, context.Prod, "stop", cancellationToken).ConfigureAwait(false);
        await ReleaseAsync(context.Layout, context.Prod, cancellationToken).ConfigureAwait(false);
        await context.StartProdAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// With prod stopped: carries its files back from the volume when they were copied there (without the filler),
    /// unmounts the bind and the volume, and removes the fault's folder. Safe to call at any point, any number of
    /// times — <c>sandbox down</c> calls it whatever the state says.
    /// </summary>
    public static async Task ReleaseAsync(SandboxLayout layout, AppEnvironment prod, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(prod);
        var volume = Volume(layout);
        await MountTable.UnmountAsync(prod.Directory, cancellationToken).ConfigureAwait(false);
        if (MountTable.IsMountPoint(volume))
        {
            if (File.Exists(CopiedMarker(layout)))
            {
                File.Delete(Path.Combine(volume, Filler));
                await ProcessRunner.RunCheckedAsync("rsync", ["-a", "--delete", volume + "/", prod.Directory.TrimEnd('/') + "/"], cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }

            await MountTable.UnmountAsync(volume, cancellationToken).ConfigureAwait(false);
        }

        File.Delete(CopiedMarker(layout));
        if (Directory.Exists(volume) && !MountTable.IsMountPoint(volume)) Directory.Delete(volume, recursive: true);
    }

    private static async Task<long> MegabytesUsedAsync(string directory, CancellationToken cancellationToken)
    {
        var du = await ProcessRunner.RunCheckedAsync("du", ["-sm", directory], cancellationToken: cancellationToken).ConfigureAwait(false);
        return long.Parse(du.StdOut.Split('\t', ' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>Allocates (not sparse: it really takes the space) a file that leaves <paramref name="leftMegabytes"/> free on the filesystem mounted at <paramref name="mountPoint"/>.</summary>
    private static void FillTo(string file, string mountPoint, long leftMegabytes)
    {
        var free = new DriveInfo(mountPoint).AvailableFreeSpace;
        var size = free - (leftMegabytes * 1024 * 1024);
        if (size <= 0) return;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var stream = new FileStream(file, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, PreallocationSize = size });
        stream.SetLength(size);
    }
}
