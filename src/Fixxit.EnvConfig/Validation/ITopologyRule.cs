namespace Fixxit.EnvConfig.Validation;

/// <summary>One rule of the fixed table, checked over a built topology.</summary>
public interface ITopologyRule
{
    string Id { get; }

    IEnumerable<ConfigProblem> Check(Topology topology);
}
