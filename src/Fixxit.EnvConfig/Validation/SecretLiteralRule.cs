using Fixxit.EnvConfig.Rules;

namespace Fixxit.EnvConfig.Validation;

/// <summary>FIX004: a secret value sits in configuration (a managed <c>.env</c> value, or a secret reference's name).</summary>
public sealed class SecretLiteralRule : ITopologyRule
{
    public string Id => RuleIds.SecretLiteral;

    public IEnumerable<ConfigProblem> Check(Topology topology)
    {
        foreach (var env in topology.Environments)
        {
            foreach (var (key, value) in env.Settings.Extra)
            {
                if (SecretLiteralRules.IsSecretName(key) && value.Length > 0)
                    yield return new(Id, env.Name, $"Settings.Extra[{key}]", $"{key} is a secret; declare it as a SecretRef, not a value in configuration");
                else if (SecretLiteralRules.LooksLikeSecret(value) is { } kind)
                    yield return new(Id, env.Name, $"Settings.Extra[{key}]", $"the value of {key} looks like {kind}; keep secrets out of configuration");
            }

            foreach (var (name, reference) in env.Secrets.StoredDataKeys())
            {
                if (SecretLiteralRules.LooksLikeSecret(reference.Key) is { } kind)
                    yield return new(Id, env.Name, $"Secrets[{name}]", $"the reference's key name looks like {kind}: a value was pasted where the name of the setting belongs");
            }
        }
    }
}
