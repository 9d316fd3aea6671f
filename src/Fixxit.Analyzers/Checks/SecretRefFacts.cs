using Fixxit.Analyzers.Model;

namespace Fixxit.Analyzers.Checks;

/// <summary>Reads a <c>SecretRef</c>'s facts the way the model compares them (place = source, key, location; fingerprint).</summary>
internal static class SecretRefFacts
{
    /// <summary>True/false when both places are fully known; null when the analyzer cannot tell.</summary>
    public static bool? SamePlace(ObjectFacts a, ObjectFacts b)
    {
        foreach (var member in new[] { ModelNames.Source, ModelNames.Key, ModelNames.Location })
        {
            var left = a.Get(member);
            var right = b.Get(member);
            if (!left.IsKnown || !right.IsKnown) return null;
            if (!Equals(left.Value, right.Value)) return false;
        }

        return true;
    }

    /// <summary>True only when both fingerprints are known, set, and different (as the run-time rule decides).</summary>
    public static bool FingerprintsDiffer(ObjectFacts a, ObjectFacts b) =>
        a.Get(ModelNames.Fingerprint).TryGetString(out var left) && b.Get(ModelNames.Fingerprint).TryGetString(out var right) && left != right;

    /// <summary>SecretRef.ToString() plus the fingerprint, as the run-time messages print it; never a value.</summary>
    public static string Describe(ObjectFacts reference, KnownTypes types)
    {
        var source = reference.Get(ModelNames.Source) is { IsKnown: true } s ? KnownTypes.EnumName(types.SecretSource, s.Value) : "?";
        var key = reference.Get(ModelNames.Key).TryGetString(out var k) ? k : "?";
        var locationFact = reference.Get(ModelNames.Location);
        var text = locationFact.IsKnownNull ? $"{source}:{key}" : $"{source}:{(locationFact.TryGetString(out var l) ? l : "?")}#{key}";
        return reference.Get(ModelNames.Fingerprint).TryGetString(out var fingerprint) ? $"{text} ({fingerprint})" : text;
    }
}
