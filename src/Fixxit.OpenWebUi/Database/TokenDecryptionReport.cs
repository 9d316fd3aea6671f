namespace Fixxit.OpenWebUi.Database;

/// <summary>Whether every stored token in a column decrypts with one key (identified only by its fingerprint).</summary>
public sealed record TokenDecryptionReport(string Table, string Column, string KeyFingerprint, int Total, IReadOnlyList<string> FailedRows)
{
    public bool AllDecrypt => FailedRows.Count == 0;

    public override string ToString() => AllDecrypt
        ? $"{Table}.{Column}: all {Total} stored tokens decrypt with key {KeyFingerprint}"
        : $"{Table}.{Column}: {FailedRows.Count} of {Total} stored tokens do not decrypt with key {KeyFingerprint} ({string.Join(", ", FailedRows.Take(10))}); the app will log \"Failed to decrypt password\" for them";
}
