using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Rules;
using Fixxit.EnvConfig.Validation;
using Fixxit.Masking;

namespace Fixxit.LiveChecks;

/// <summary>
/// FIX002 between two environments: a target whose database is a copy of the source's must use the source's keys, or
/// what the source encrypted cannot be decrypted on the target ("Failed to decrypt password"). Compares fingerprints of
/// the two values the callers read (preflight from the host's files, the checklist over SSH); never shows a value.
/// </summary>
public static class CopiedDatabaseKeyCheck
{
    /// <summary>
    /// A problem when <paramref name="target"/>'s database is seeded from <paramref name="source"/> and the two key
    /// texts are different keys (a key in the plan's wrapped form equals its canonical form); null otherwise. The
    /// message starts with the cause: <c>prod's KEY (sha256:…) differs from dev's (sha256:…)</c>.
    /// </summary>
    public static ConfigProblem? Check(AppEnvironment target, AppEnvironment source, string keyName, string targetKeyText, string sourceKeyText)
    {
        SecretMasker.Shared.Register(targetKeyText, keyName);
        SecretMasker.Shared.Register(sourceKeyText, keyName);
        if (target.Database.SeededFrom != source.Name) return null;
        var mine = KeyFingerprint.OfKeyText(targetKeyText);
        var theirs = KeyFingerprint.OfKeyText(sourceKeyText);
        if (string.Equals(mine, theirs, StringComparison.Ordinal)) return null;
        return new ConfigProblem(RuleIds.EncryptionKeyMismatch, target.Name, keyName,
            $"{target.Name}'s {keyName} ({mine}) differs from {source.Name}'s ({theirs}), but {target.Name}'s database is a copy of {source.Name}'s: " +
            $"what {source.Name} encrypted cannot be decrypted on {target.Name} (key mismatch: stored secrets fail with \"Failed to decrypt password\"). Use {source.Name}'s key.");
    }
}
