namespace Fixxit.EnvConfig.Validation;

/// <summary>
/// Runs every rule (FIX001-FIX008) over a built topology and returns all problems. The analyzers check the same rules
/// at compile time over constant values; this catches what is only known at run time (the sandbox, values from files).
/// </summary>
public static class TopologyValidator
{
    public static IReadOnlyList<ITopologyRule> Rules { get; } =
    [
        new PortCollisionRule(),
        new EncryptionKeyMismatchRule(),
        new DevUrlInProductionRule(),
        new SecretLiteralRule(),
        new ProxyUpstreamRule(),
        new InvalidPortRule(),
        new OverlappingDirectoriesRule(),
        new ViteWithoutDevDependenciesRule(),
    ];

    public static IReadOnlyList<ConfigProblem> Validate(Topology topology) =>
        Rules.SelectMany(rule => rule.Check(topology)).ToList();
}
