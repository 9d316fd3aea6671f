#nullable enable
using Gherkin.CucumberMessages;

namespace Fixxit.Gherkin.Compilation;

/// <summary>
/// Deterministic message ids that are unique across features: the HTML viewer joins messages by id, so two features
/// must never both own an id "1".
/// </summary>
internal sealed class PrefixedIdGenerator : IIdGenerator
{
    private readonly string _prefix;
    private int _next;

    public PrefixedIdGenerator(string prefix) => _prefix = prefix;

    public string GetNewId() => _prefix + "-" + (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
