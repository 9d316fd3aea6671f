namespace Fixxit.EnvConfig;

/// <summary>
/// The keys that encrypt or sign data stored in the database. Both must travel with a database that is copied
/// (FIX002). <see cref="EncryptionKeyMirrors"/> lists other places that define the same key (the plan puts it in
/// <c>backend/.env</c> and <c>start_server.sh</c>): all definitions must agree.
/// </summary>
public sealed record EnvironmentSecrets
{
    /// <summary>Name of the Fernet key that encrypts stored log-source passwords in the fork.</summary>
    public const string EncryptionKeyName = "DATABASE_PASSWORD_ENCRYPTION_KEY";

    /// <summary>Name of the key that signs Open WebUI's JWTs.</summary>
    public const string WebuiSecretKeyName = "WEBUI_SECRET_KEY";

    public SecretRef? EncryptionKey { get; init; }

    public SecretRef? WebuiSecretKey { get; init; }

    public ImmutableArray<SecretRef> EncryptionKeyMirrors { get; init; } = [];

    /// <summary>Every key that encrypts or signs stored data, with its name.</summary>
    public IEnumerable<(string Name, SecretRef Ref)> StoredDataKeys()
    {
        if (EncryptionKey is not null) yield return (EncryptionKeyName, EncryptionKey);
        if (WebuiSecretKey is not null) yield return (WebuiSecretKeyName, WebuiSecretKey);
    }
}
