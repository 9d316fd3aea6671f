namespace Fixxit.Checklist.Specs.Matrix;

/// <summary>
/// A scenario a fault must fail and how the first line of its failure must start, in the plan's terms.
/// <c>{placeholders}</c> are filled from the sandbox (ports, URLs) when the case runs.
/// </summary>
public sealed record NamedCause(string Scenario, string FirstLineStartsWith, string? AlsoContains = null);

/// <summary>
/// One row of the fault matrix: the fault, the scenarios whose first failure line must name its cause, further
/// scenarios it must fail (killed, cause not asserted), and scenarios it must leave passing (the fault is specific).
/// Scenario fragments are parts of generated test names; "(prod)" / "(dev)" pick an outline row.
/// </summary>
public sealed record FaultCase(
    string Fault,
    IReadOnlyList<NamedCause> Names,
    IReadOnlyList<string> Kills,
    IReadOnlyList<string> StillPass,
    IReadOnlyDictionary<string, string>? Parameters = null)
{
    /// <summary>Every scenario the case runs.</summary>
    public IEnumerable<string> Scenarios => Names.Select(n => n.Scenario).Concat(Kills).Concat(StillPass);

    /// <summary>The <c>dotnet test --filter</c> that runs only these scenarios (outline rows run with their outline).</summary>
    public string Filter => string.Join('|', Scenarios.Select(MethodFragment).Distinct(StringComparer.Ordinal).Select(s => "FullyQualifiedName~" + s));

    /// <summary>The scenarios the fault fails (named or killed).</summary>
    public IEnumerable<string> Failing => Names.Select(n => n.Scenario).Concat(Kills);

    public static string MethodFragment(string scenario) => scenario.Split('(')[0];

    public override string ToString() => Fault;
}
