using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Rules;
using Fixxit.EnvConfig.Validation;
using Fixxit.OpenWebUi.Database;

namespace Fixxit.LiveChecks;

/// <summary>
/// FIX002 proven on the data itself: every stored token (the fork's <c>log_source.password_encrypted</c>) must decrypt
/// with the environment's key, or the logs page fails with "Failed to decrypt password" for those rows.
/// </summary>
public static class StoredTokenCheck
{
    /// <summary>The fork's column of Fernet-encrypted log-source passwords.</summary>
    public const string LogSourceTable = "log_source";

    public const string LogSourcePasswordColumn = "password_encrypted";

    /// <summary>
    /// A problem naming the rows that do not decrypt (and the key's fingerprint); null when all do. The message starts
    /// with the cause: <c>prod's DATABASE_PASSWORD_ENCRYPTION_KEY (sha256:…) cannot decrypt N of M stored …</c>.
    /// </summary>
    public static ConfigProblem? Check(AppEnvironment environment, TokenDecryptionReport report) =>
        report.AllDecrypt
            ? null
            : new ConfigProblem(RuleIds.EncryptionKeyMismatch, environment.Name, $"{report.Table}.{report.Column}",
                $"{environment.Name}'s {EnvironmentSecrets.EncryptionKeyName} ({report.KeyFingerprint}) cannot decrypt {report.FailedRows.Count} of {report.Total} stored {report.Table}.{report.Column} tokens ({string.Join(", ", report.FailedRows.Take(10))}): " +
                $"the database was encrypted with another key (\"Failed to decrypt password\"){(environment.Database.SeededFrom is { } source ? $"; it is a copy of {source}'s: use {source}'s key" : string.Empty)}.");
}
