using System.Collections.Immutable;

namespace Fixxit.Analyzers.Model;

/// <summary>Environments that share a machine (one host's list), compared by the cross-environment rules.</summary>
internal sealed class EnvironmentGroup
{
    public EnvironmentGroup(string name, ImmutableArray<EnvironmentSite> members)
    {
        Name = name;
        Members = members;
    }

    /// <summary>For messages: "host lightsail", or the declaring type when no host lists the environments.</summary>
    public string Name { get; }

    public ImmutableArray<EnvironmentSite> Members { get; }
}
