namespace Fixxit.Analyzers;

/// <summary>Simple names of the Fixxit.EnvConfig types and members the analyzers read. Kept in one place so a rename is one edit.</summary>
internal static class ModelNames
{
    public const string AppEnvironment = "AppEnvironment";
    public const string ServerHost = "ServerHost";
    public const string ProxySite = "ProxySite";
    public const string SecretRef = "SecretRef";
    public const string AppSettings = "AppSettings";
    public const string EnvironmentSecrets = "EnvironmentSecrets";
    public const string DatabaseSpec = "DatabaseSpec";
    public const string Tier = "Tier";
    public const string FrontendMode = "FrontendMode";
    public const string DependencyInstall = "DependencyInstall";
    public const string SecretSource = "SecretSource";

    // AppEnvironment
    public const string Name = "Name";
    public const string TierMember = "Tier";
    public const string Directory = "Directory";
    public const string BackendPort = "BackendPort";
    public const string FrontendPort = "FrontendPort";
    public const string PublicUrl = "PublicUrl";
    public const string Settings = "Settings";
    public const string Secrets = "Secrets";
    public const string Database = "Database";
    public const string Frontend = "Frontend";
    public const string Dependencies = "Dependencies";
    public const string Proxy = "Proxy";

    // AppSettings
    public const string WebuiUrl = "WebuiUrl";
    public const string FrontendBaseUrl = "FrontendBaseUrl";
    public const string CorsAllowOrigins = "CorsAllowOrigins";
    public const string Extra = "Extra";

    // EnvironmentSecrets
    public const string EncryptionKey = "EncryptionKey";
    public const string WebuiSecretKey = "WebuiSecretKey";
    public const string EncryptionKeyMirrors = "EncryptionKeyMirrors";
    public const string EncryptionKeyName = "DATABASE_PASSWORD_ENCRYPTION_KEY";
    public const string WebuiSecretKeyName = "WEBUI_SECRET_KEY";

    // DatabaseSpec
    public const string SeededFrom = "SeededFrom";

    /// <summary>Not a model member: the analyzer's link from a database copied with <c>DatabaseSpec.CopyOf(env)</c> to that environment.</summary>
    public const string SeededFromEnvironment = "<SeededFromEnvironment>";

    public const string Path = "Path";
    public const string Fresh = "Fresh";
    public const string CopyOf = "CopyOf";

    // ProxySite
    public const string Domain = "Domain";
    public const string UpstreamPort = "UpstreamPort";

    // SecretRef
    public const string Source = "Source";
    public const string Key = "Key";
    public const string Location = "Location";
    public const string Fingerprint = "Fingerprint";

    // ServerHost
    public const string Environments = "Environments";

    // enum members
    public const string Production = "Production";
    public const string ViteDevServer = "ViteDevServer";
    public const string All = "All";
    public const string ProductionOnly = "ProductionOnly";
}
