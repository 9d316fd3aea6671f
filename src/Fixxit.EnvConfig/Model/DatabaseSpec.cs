namespace Fixxit.EnvConfig;

/// <summary>The environment's SQLite database and where its first contents come from.</summary>
public sealed record DatabaseSpec
{
    /// <summary>Open WebUI's default location, relative to the environment directory.</summary>
    public const string DefaultPath = "backend/data/webui.db";

    public string Path { get; init; } = DefaultPath;

    /// <summary>Name of the environment whose database this one is copied from; null for a fresh database.</summary>
    public string? SeededFrom { get; init; }

    /// <summary>A fresh database at the default path.</summary>
    public static DatabaseSpec Fresh { get; } = new();

    /// <summary>A copy of <paramref name="source"/>'s database: it must share <paramref name="source"/>'s keys (FIX002).</summary>
    public static DatabaseSpec CopyOf(AppEnvironment source) => new() { SeededFrom = source.Name, Path = source.Database.Path };
}
