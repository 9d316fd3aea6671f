namespace Fixxit.Sandbox.Backend.Seed;

/// <summary>How much data the seed writes: <c>small</c> is quick for tests; <c>large</c> (~200 MB) is for benchmarks.</summary>
public sealed record SeedSize(string Name, int ExtraUsers, int ChatsPerUser, int MessagesPerChat, int LogLines)
{
    public static readonly SeedSize Small = new("small", 0, 2, 2, 300);

    public static readonly SeedSize Large = new("large", 150, 120, 6, 600_000);

    public static SeedSize Parse(string? text) => text switch
    {
        null or "small" => Small,
        "large" => Large,
        _ => throw new Configuration.ConfigurationException($"seed: --size '{text}' must be small or large"),
    };
}
