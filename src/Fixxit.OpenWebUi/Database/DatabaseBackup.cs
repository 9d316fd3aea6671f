namespace Fixxit.OpenWebUi.Database;

/// <summary>A finished online backup: one self-contained file (journal mode DELETE) that passed its integrity check.</summary>
public sealed record DatabaseBackup(string SourcePath, string BackupPath, long SizeBytes, IntegrityCheckResult Integrity)
{
    public override string ToString() => $"{SourcePath} -> {BackupPath} ({SizeBytes} bytes, {(Integrity.IsOk ? "integrity ok" : "INTEGRITY FAILED")})";
}
