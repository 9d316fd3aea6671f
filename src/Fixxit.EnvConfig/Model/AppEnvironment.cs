namespace Fixxit.EnvConfig;

/// <summary>
/// One deployed copy of the application on a host. Immutable: production is declared as <c>dev with { … }</c>, so
/// whatever it does not override is visibly inherited, exactly like the plan's "copy dev, then change the ports".
/// </summary>
public sealed record AppEnvironment
{
    public required string Name { get; init; }

    public required Tier Tier { get; init; }

    /// <summary>Absolute path of the environment's tree on its host.</summary>
    public required string Directory { get; init; }

    public required int BackendPort { get; init; }

    public required int FrontendPort { get; init; }

    /// <summary>The https URL users reach the environment at, through the reverse proxy.</summary>
    public required string PublicUrl { get; init; }

    public AppSettings Settings { get; init; } = new();

    public EnvironmentSecrets Secrets { get; init; } = new();

    public DatabaseSpec Database { get; init; } = DatabaseSpec.Fresh;

    /// <summary>Logs directory, relative to <see cref="Directory"/>.</summary>
    public string LogsDirectory { get; init; } = "logs";

    public FrontendMode Frontend { get; init; } = FrontendMode.ViteDevServer;

    public DependencyInstall Dependencies { get; init; } = DependencyInstall.All;

    public ImmutableArray<string> CopyExclusions { get; init; } = EnvConfig.CopyExclusions.Plan;

    public ProxySite? Proxy { get; init; }

    public AppCommands Commands { get; init; } = new();

    /// <summary>The fork's dotenv file, relative to <see cref="Directory"/>, for an environment that declares no other.</summary>
    public const string DefaultDotEnvFile = "backend/.env";

    /// <summary>
    /// The dotenv file the app loads, relative to <see cref="Directory"/>: where its declared stored-data keys live
    /// (the plan puts them in <c>backend/.env</c>), else <see cref="DefaultDotEnvFile"/>. The one place that path comes from.
    /// </summary>
    public string DotEnvFile =>
        Secrets.StoredDataKeys().Select(k => k.Ref).FirstOrDefault(r => r.Source == SecretSource.DotEnv)?.Location ?? DefaultDotEnvFile;

    /// <summary>The public host name (e.g. <c>app.fixxit.ai</c>).</summary>
    public string PublicHost => new Uri(PublicUrl).Host;

    /// <summary>Absolute path of a file given relative to the environment directory.</summary>
    public string PathOf(string relative) => relative.StartsWith('/') ? relative : $"{Directory.TrimEnd('/')}/{relative}";
}
