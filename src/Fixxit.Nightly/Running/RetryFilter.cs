namespace Fixxit.Nightly.Running;

/// <summary>
/// The <c>dotnet test --filter</c> that re-runs exactly the failed scenarios of a run within its profile:
/// <c>(Category=prod-safe)&amp;(FullyQualifiedName~A|FullyQualifiedName~B)</c>. An example row's arguments are cut
/// off (every row of that outline runs again; only the failed ones matter to the merge).
/// </summary>
public static class RetryFilter
{
    public static string For(string profileFilter, IEnumerable<string> failedScenarioIds)
    {
        var names = failedScenarioIds
            .Select(id => id.Split('(')[0])
            .Distinct(StringComparer.Ordinal)
            .Select(name => $"FullyQualifiedName~{Escape(name)}")
            .ToList();
        if (names.Count == 0) throw new ArgumentException("nothing to retry", nameof(failedScenarioIds));
        return $"({profileFilter})&({string.Join('|', names)})";
    }

    // vstest's filter syntax reserves these characters; a backslash makes them literal.
    private static string Escape(string text)
    {
        var escaped = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (ch is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~') escaped.Append('\\');
            escaped.Append(ch);
        }

        return escaped.ToString();
    }
}
