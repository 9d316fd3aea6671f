namespace Fixxit.EnvConfig;

/// <summary>Where a secret's value lives. The value itself never appears in configuration source.</summary>
public enum SecretSource
{
    /// <summary>A key in a dotenv file, relative to the environment's directory (e.g. <c>backend/.env</c>).</summary>
    DotEnv,

    /// <summary>A variable assignment or <c>export</c> in a shell script, relative to the environment's directory.</summary>
    ShellScript,

    /// <summary>A process environment variable on the machine that runs Fixxit.Verify.</summary>
    EnvironmentVariable,

    /// <summary>A file whose whole content is the secret, on the machine that runs Fixxit.Verify.</summary>
    File,
}
