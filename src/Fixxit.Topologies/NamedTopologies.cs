using Fixxit.EnvConfig;
namespace Fixxit.Topologies;

/// <summary>Picks a topology by the name a user gives on the command line or in runsettings.</summary>
public static class NamedTopologies
{
    /// <summary>"sandbox" (the default) or "fixxit" (the real server: only when named explicitly).</summary>
    public static Topology ByName(string? name, Func<Topology> sandbox) => name switch
    {
        null or "" or "sandbox" => sandbox(),
        "fixxit" or "real" => FixxitTopology.Real,
        _ => throw new ArgumentException($"unknown topology '{name}': use 'sandbox' (default) or 'fixxit'", nameof(name)),
    };
}
