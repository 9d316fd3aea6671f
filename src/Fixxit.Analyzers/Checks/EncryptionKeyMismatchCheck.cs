using System.Linq;
using Fixxit.Analyzers.Model;
using Fixxit.EnvConfig.Rules;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Checks;

/// <summary>
/// FIX002: an environment seeded from another's database uses a different key for stored data, or defines its
/// encryption key in two places with different fingerprints.
/// </summary>
internal static class EncryptionKeyMismatchCheck
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.EncryptionKeyMismatch,
        "Encryption key differs from the key of the copied database",
        "[{0}] {1}: {2}",
        RuleDescriptors.TopologyCategory,
        "A database copied from another environment holds data encrypted or signed with that environment's DATABASE_PASSWORD_ENCRYPTION_KEY and WEBUI_SECRET_KEY; a different key makes every stored password fail with 'Failed to decrypt password'. Two definitions of one key (backend/.env and start_server.sh) must agree.",
        comparesDeclarations: true);

    private static readonly (string Name, string Member)[] StoredDataKeys =
    {
        (ModelNames.EncryptionKeyName, ModelNames.EncryptionKey),
        (ModelNames.WebuiSecretKeyName, ModelNames.WebuiSecretKey),
    };

    /// <summary>Mirrors Fixxit.EnvConfig.Validation.EncryptionKeyMismatchRule; unknown references are skipped.</summary>
    public static void Run(CheckContext context)
    {
        foreach (var env in context.Model.Environments)
        {
            if (env.Facts.Get(ModelNames.Database).Object is { } database && SourceOf(context.Model, env, database) is { } source)
                CompareWithSource(context, env, source);
            CompareMirrors(context, env);
        }
    }

    private static ObjectFacts? SourceOf(TopologyModel model, EnvironmentSite env, ObjectFacts database)
    {
        if (database.Get(ModelNames.SeededFromEnvironment).Object is { } linked) return linked;
        if (!database.Get(ModelNames.SeededFrom).TryGetString(out var name)) return null;
        var candidates = model.Neighbours(env).Where(e => e != env && e.Facts.Get(ModelNames.Name).TryGetString(out var n) && n == name).ToList();
        return candidates.Count == 1 ? candidates[0].Facts : null;
    }

    private static void CompareWithSource(CheckContext context, EnvironmentSite env, ObjectFacts source)
    {
        var types = context.Model.Types;
        var sourceName = source.Get(ModelNames.Name).TryGetString(out var s) ? s : "the source";
        var envSecrets = env.Facts.Get(ModelNames.Secrets).Object;
        var sourceSecrets = source.Get(ModelNames.Secrets).Object;
        if (envSecrets is null || sourceSecrets is null) return;
        foreach (var (name, member) in StoredDataKeys)
        {
            var mine = envSecrets.Get(member);
            var theirs = sourceSecrets.Get(member);
            if (!mine.IsKnown || !theirs.IsKnown || theirs.IsKnownNull) continue;
            if (mine.IsKnownNull)
            {
                context.Report(Rule, env.LocationOf(mine), null, env.DisplayName, "Secrets",
                    $"{env.DisplayName}'s database is a copy of {sourceName}'s, which uses {name}, but {env.DisplayName} declares no {name}");
                continue;
            }

            if (mine.Object is not { } reference || theirs.Object is not { } sourceReference) continue;
            if (SecretRefFacts.FingerprintsDiffer(reference, sourceReference) || SecretRefFacts.SamePlace(reference, sourceReference) == false)
            {
                context.Report(Rule, env.LocationOf(mine), null, env.DisplayName, "Secrets." + member,
                    $"{env.DisplayName}'s database is a copy of {sourceName}'s, but its {name} is {SecretRefFacts.Describe(reference, types)} while {sourceName}'s is {SecretRefFacts.Describe(sourceReference, types)}; data encrypted or signed with {sourceName}'s key cannot be read (\"Failed to decrypt password\"). Use the same key.");
            }
        }
    }

    private static void CompareMirrors(CheckContext context, EnvironmentSite env)
    {
        if (env.Facts.Get(ModelNames.Secrets).Object is not { } secrets) return;
        if (secrets.Get(ModelNames.EncryptionKey).Object is not { } primary || !primary.Get(ModelNames.Fingerprint).TryGetString(out var primaryFingerprint)) return;
        if (!secrets.Get(ModelNames.EncryptionKeyMirrors).TryGetList(out var mirrors)) return;
        foreach (var mirrorFact in mirrors)
        {
            if (mirrorFact.Object is not { } mirror || !mirror.Get(ModelNames.Fingerprint).TryGetString(out var mirrorFingerprint) || mirrorFingerprint == primaryFingerprint) continue;
            var types = context.Model.Types;
            context.Report(Rule, env.LocationOf(mirrorFact), null, env.DisplayName, "Secrets.EncryptionKeyMirrors",
                $"{ModelNames.EncryptionKeyName} is defined in {SecretRefFacts.Describe(WithoutFingerprint(primary), types)} ({primaryFingerprint}) and in {SecretRefFacts.Describe(WithoutFingerprint(mirror), types)} ({mirrorFingerprint}); a process that loads the other one fails with \"Failed to decrypt password\"");
        }
    }

    private static ObjectFacts WithoutFingerprint(ObjectFacts reference)
    {
        var copy = reference.CopyFor(reference.Location);
        copy.Set(ModelNames.Fingerprint, Fact.Of(null, reference.Location));
        return copy;
    }
}
