using System.Globalization;

namespace Fixxit.Sandbox.Faults;

/// <summary>The backup job stopped running: every database backup of prod is three days old (file times set back).</summary>
public sealed class StaleBackupFault : ProdFault
{
    public static readonly TimeSpan Age = TimeSpan.FromDays(3);

    public override string Name => "stale-backup";

    public override string Changes => "every *.db in prod's <dir>-releases/backups gets a modification time three days ago (the previous times are kept in state)";

    public override string GateMustReport => "\"A recent verified backup exists\" fails: the newest backup of prod's database is 72 h old";

    public static string BackupDirectory(FaultContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Prod.Directory.TrimEnd('/') + "-releases/backups";
    }

    public override Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        var folder = BackupDirectory(context);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.db", SearchOption.AllDirectories) : [];
        if (files.Length == 0) throw new SandboxException($"prod has no database backup in {folder} to make stale (run `fixxit backup prod` first)");
        var active = new ActiveFault { Name = Name };
        var old = DateTime.UtcNow - Age;
        foreach (var file in files)
        {
            active.Undo[file] = File.GetLastWriteTimeUtc(file).Ticks.ToString(CultureInfo.InvariantCulture);
            File.SetLastWriteTimeUtc(file, old);
        }

        return Task.FromResult(active);
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        foreach (var (file, ticks) in active.Undo)
        {
            if (File.Exists(file)) File.SetLastWriteTimeUtc(file, new DateTime(long.Parse(ticks!, CultureInfo.InvariantCulture), DateTimeKind.Utc));
        }

        return Task.CompletedTask;
    }
}
