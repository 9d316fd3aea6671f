namespace Fixxit.EnvConfig;

/// <summary>How frontend dependencies are installed on the server.</summary>
public enum DependencyInstall
{
    /// <summary><c>npm install</c> (or <c>npm ci</c>): dependencies and devDependencies.</summary>
    All,

    /// <summary><c>npm install --production</c>: devDependencies (Vite among them) are skipped.</summary>
    ProductionOnly,
}
