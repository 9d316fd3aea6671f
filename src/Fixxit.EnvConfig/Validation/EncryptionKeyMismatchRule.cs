using Fixxit.EnvConfig.Rules;

namespace Fixxit.EnvConfig.Validation;

/// <summary>
/// FIX002: an environment seeded from another's database must use the same keys for stored data, and an environment
/// that defines its encryption key in two places must define it the same way in both.
/// </summary>
public sealed class EncryptionKeyMismatchRule : ITopologyRule
{
    public string Id => RuleIds.EncryptionKeyMismatch;

    public IEnumerable<ConfigProblem> Check(Topology topology)
    {
        var byName = topology.Environments.ToDictionary(e => e.Name);
        foreach (var env in topology.Environments)
        {
            if (env.Database.SeededFrom is { } sourceName && byName.TryGetValue(sourceName, out var source))
            {
                foreach (var problem in CompareWithSource(env, source)) yield return problem;
            }

            if (env.Secrets.EncryptionKey is { } primary)
            {
                foreach (var mirror in env.Secrets.EncryptionKeyMirrors)
                {
                    if (primary.Fingerprint is not null && mirror.Fingerprint is not null && primary.Fingerprint != mirror.Fingerprint)
                    {
                        yield return new(Id, env.Name, "Secrets.EncryptionKeyMirrors",
                            $"{EnvironmentSecrets.EncryptionKeyName} is defined in {primary} ({primary.Fingerprint}) and in {mirror} ({mirror.Fingerprint}); a process that loads the other one fails with \"Failed to decrypt password\"");
                    }
                }
            }
        }
    }

    private IEnumerable<ConfigProblem> CompareWithSource(AppEnvironment env, AppEnvironment source)
    {
        var sourceKeys = source.Secrets.StoredDataKeys().ToDictionary(k => k.Name, k => k.Ref);
        foreach (var (name, reference) in env.Secrets.StoredDataKeys())
        {
            if (!sourceKeys.TryGetValue(name, out var sourceRef)) continue;
            var fingerprintsDiffer = reference.Fingerprint is not null && sourceRef.Fingerprint is not null && reference.Fingerprint != sourceRef.Fingerprint;
            if (fingerprintsDiffer || !reference.SamePlaceAs(sourceRef))
            {
                yield return new(Id, env.Name, $"Secrets.{(name == EnvironmentSecrets.EncryptionKeyName ? "EncryptionKey" : "WebuiSecretKey")}",
                    $"{env.Name}'s database is a copy of {source.Name}'s, but its {name} is {Describe(reference)} while {source.Name}'s is {Describe(sourceRef)}; data encrypted or signed with {source.Name}'s key cannot be read (\"Failed to decrypt password\"). Use the same key.");
            }
        }

        foreach (var (name, _) in source.Secrets.StoredDataKeys())
        {
            if (!env.Secrets.StoredDataKeys().Any(k => k.Name == name))
            {
                yield return new(Id, env.Name, "Secrets",
                    $"{env.Name}'s database is a copy of {source.Name}'s, which uses {name}, but {env.Name} declares no {name}");
            }
        }
    }

    private static string Describe(SecretRef reference) =>
        reference.Fingerprint is null ? reference.ToString() : $"{reference} ({reference.Fingerprint})";
}
