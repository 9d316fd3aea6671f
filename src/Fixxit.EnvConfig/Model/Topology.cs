namespace Fixxit.EnvConfig;

/// <summary>Everything a deployment knows about: hosts and their environments.</summary>
public sealed record Topology
{
    public required string Name { get; init; }

    public ImmutableArray<ServerHost> Hosts { get; init; } = [];

    public IEnumerable<AppEnvironment> Environments => Hosts.SelectMany(h => h.Environments);

    public AppEnvironment Environment(string name) =>
        Environments.FirstOrDefault(e => e.Name == name)
        ?? throw new KeyNotFoundException($"topology '{Name}' has no environment '{name}' (it has: {string.Join(", ", Environments.Select(e => e.Name))})");

    public ServerHost HostOf(AppEnvironment environment) =>
        Hosts.First(h => h.Environments.Contains(environment));

    public ServerHost HostOf(string environmentName) => HostOf(Environment(environmentName));
}
