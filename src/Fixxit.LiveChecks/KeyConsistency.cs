using System.Collections.Immutable;
using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Rules;
using Fixxit.EnvConfig.Validation;
using Fixxit.FileFormats.DotEnv;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Masking;

namespace Fixxit.LiveChecks;

/// <summary>
/// FIX002 on a live server: the key in <c>backend/.env</c> and any definition of it in <c>start_server.sh</c> (the plan
/// puts it in both) must be the same key, or a process that loaded the other one cannot decrypt what this one wrote
/// ("Failed to decrypt password", at random, depending on how the process was started). Pure function over the two
/// files' texts, which callers fetch over SSH; compares fingerprints, never shows values.
/// </summary>
public static class KeyConsistency
{
    /// <summary>The keys that encrypt or sign stored data (DESIGN.md, FIX002).</summary>
    public static readonly ImmutableArray<string> StoredDataKeyNames = [EnvironmentSecrets.EncryptionKeyName, EnvironmentSecrets.WebuiSecretKeyName];

    /// <summary>Every definition of the keys in both files, in file order (.env first).</summary>
    /// <exception cref="DotEnvFormatException">The .env text is malformed.</exception>
    /// <exception cref="ShellScriptFormatException">The script's structure cannot be followed.</exception>
    public static IReadOnlyList<KeyDefinition> Definitions(
        string dotEnvText, string startScriptText, string dotEnvPath = AppEnvironment.DefaultDotEnvFile, string startScriptPath = "start_server.sh", IEnumerable<string>? keyNames = null)
    {
        var names = (keyNames ?? StoredDataKeyNames).ToHashSet(StringComparer.Ordinal);
        var dotEnv = DotEnvDocument.Parse(dotEnvText, dotEnvPath);
        var script = StartServerScript.Parse(startScriptText, startScriptPath);
        var fromDotEnv = dotEnv.Entries.Where(e => names.Contains(e.Key)).Select(e =>
        {
            SecretMasker.Shared.Register(e.Value, e.Key);
            return new KeyDefinition(e.Key, dotEnvPath, e.LineNumber, e.IsExported ? "export" : "assignment", KeyFingerprint.OfKeyText(e.Value), FormOf(e.Value));
        });
        var fromScript = script.Assignments.Where(a => names.Contains(a.Name)).Select(a =>
        {
            // Registered even when the name is not secret-looking: whatever key names the caller asks about are secrets.
            SecretMasker.Shared.Register(a.Value, a.Name);
            return new KeyDefinition(a.Name, startScriptPath, a.LineNumber, Describe(a), a.Value is null ? null : KeyFingerprint.OfKeyText(a.Value), a.Value is null ? null : FormOf(a.Value));
        });
        return fromDotEnv.Concat(fromScript).ToList();
    }

    /// <summary>
    /// One FIX002 problem per key whose literal definitions do not all agree; empty when consistent. The message's first
    /// line is the plan's cause (<c>prod defines KEY twice, differently: backend/.env has sha256:…, start_server.sh has
    /// sha256:…</c>); the second names every place and what to do.
    /// </summary>
    public static IReadOnlyList<ConfigProblem> Check(
        string dotEnvText, string startScriptText, string environmentName = "", string dotEnvPath = AppEnvironment.DefaultDotEnvFile, string startScriptPath = "start_server.sh", IEnumerable<string>? keyNames = null)
    {
        var problems = new List<ConfigProblem>();
        foreach (var group in Definitions(dotEnvText, startScriptText, dotEnvPath, startScriptPath, keyNames).GroupBy(d => d.Name))
        {
            var literal = group.Where(d => d.Fingerprint is not null).ToList();
            if (literal.Select(d => d.Fingerprint).Distinct(StringComparer.Ordinal).Count() <= 1) continue;
            var who = environmentName.Length > 0 ? environmentName : "the server";
            var times = literal.Count == 2 ? "twice" : $"{literal.Count} times";
            problems.Add(new ConfigProblem(
                RuleIds.EncryptionKeyMismatch,
                environmentName,
                group.Key,
                $"{who} defines {group.Key} {times}, differently: {string.Join(", ", literal.Select(d => $"{d.File} has {d.Fingerprint}"))} (random \"Failed to decrypt password\" depending on which one a process loaded)\n" +
                $"{string.Join(", ", literal)}: a process that loaded one cannot read data written with another. Keep the one the data was written with (compare fingerprints with the source environment) and remove the others."));
        }

        return problems;
    }

    /// <summary>
    /// The same check with paths and names taken from the environment: its encryption key's <c>.env</c> reference and
    /// its first shell-script mirror (defaults <c>backend/.env</c> and <c>start_server.sh</c>).
    /// </summary>
    /// <remarks>The one entry point the checklist and <c>doctor</c> share.</remarks>
    public static IReadOnlyList<ConfigProblem> Check(AppEnvironment environment, string dotEnvText, string startScriptText, IEnumerable<string>? keyNames = null)
    {
        var dotEnvPath = environment.DotEnvFile;
        var scriptPath = environment.Secrets.EncryptionKeyMirrors.FirstOrDefault(r => r.Source == SecretSource.ShellScript)?.Location ?? "start_server.sh";
        return Check(dotEnvText, startScriptText, environment.Name, dotEnvPath, scriptPath, keyNames);
    }

    private static FernetKeyForm? FormOf(string value) => FernetKey.TryParse(value, out var key) ? key.Form : null;

    private static string Describe(ShellAssignment a) => a.Kind switch
    {
        ShellAssignmentKind.Export => "export",
        ShellAssignmentKind.CommandPrefix => "set for one command",
        ShellAssignmentKind.Local => "local",
        _ => "assignment",
    } + (a.Scope == ShellScope.TopLevel ? string.Empty : a.Scope == ShellScope.Function ? " in a function" : " in a block");
}
