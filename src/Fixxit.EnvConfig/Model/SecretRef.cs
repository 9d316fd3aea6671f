namespace Fixxit.EnvConfig;

/// <summary>
/// A reference to a secret: where to find it, never what it is. An optional <see cref="Fingerprint"/>
/// (<c>sha256:</c> and 12 hex digits, as <c>Fixxit.Cryptography.KeyFingerprint</c> computes it) lets two environments be proven to share a key without the key in source.
/// </summary>
public sealed record SecretRef(SecretSource Source, string Key, string? Location = null, string? Fingerprint = null)
{
    /// <summary>A key in a dotenv file relative to the environment directory, e.g. <c>DotEnv(AppEnvironment.DefaultDotEnvFile, "WEBUI_SECRET_KEY")</c>.</summary>
    public static SecretRef DotEnv(string file, string key, string? fingerprint = null) =>
        new(SecretSource.DotEnv, key, file, fingerprint);

    /// <summary>A variable set (or exported) in a shell script relative to the environment directory.</summary>
    public static SecretRef ShellScript(string file, string variable, string? fingerprint = null) =>
        new(SecretSource.ShellScript, variable, file, fingerprint);

    /// <summary>A process environment variable where Fixxit.Verify runs.</summary>
    public static SecretRef EnvironmentVariable(string name, string? fingerprint = null) =>
        new(SecretSource.EnvironmentVariable, name, null, fingerprint);

    /// <summary>A local file holding only the secret.</summary>
    public static SecretRef File(string path, string? fingerprint = null) =>
        new(SecretSource.File, System.IO.Path.GetFileName(path), path, fingerprint);

    /// <summary>True when both point at the same place (fingerprints aside).</summary>
    public bool SamePlaceAs(SecretRef other) =>
        Source == other.Source && Key == other.Key && string.Equals(Location, other.Location, StringComparison.Ordinal);

    /// <summary>Short human form for messages: never contains a value.</summary>
    public override string ToString() => Location is null ? $"{Source}:{Key}" : $"{Source}:{Location}#{Key}";
}
