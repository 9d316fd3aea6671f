using Fixxit.Cryptography;
using Fixxit.Masking;

namespace Fixxit.Sandbox.Backend.Configuration;

/// <summary>
/// The definitions of <c>DATABASE_PASSWORD_ENCRYPTION_KEY</c> a running backend can have. The fork's server had two:
/// <c>backend/.env</c> and the variable <c>start_server.sh</c> exports. uvicorn workers that loaded different ones
/// decrypt with different keys, so when both exist and differ each request here picks one at random: the "random
/// failures" of the plan's checklist ("Logs display consistently").
/// </summary>
public sealed class EncryptionKeys
{
    public EncryptionKeys(FernetKey? fromEnvFile, FernetKey? fromProcess)
    {
        FromEnvFile = fromEnvFile;
        FromProcess = fromProcess;
    }

    public FernetKey? FromEnvFile { get; }

    public FernetKey? FromProcess { get; }

    /// <summary>True when two definitions exist and are different keys.</summary>
    public bool Disagree => FromEnvFile is not null && FromProcess is not null && FromEnvFile.Fingerprint != FromProcess.Fingerprint;

    /// <summary>The key one request (one "worker") uses; null when no definition exists.</summary>
    public FernetKey? PickForRequest()
    {
        if (Disagree) return System.Security.Cryptography.RandomNumberGenerator.GetInt32(2) == 0 ? FromEnvFile : FromProcess;
        return FromProcess ?? FromEnvFile;
    }

    /// <exception cref="ConfigurationException">A definition that is not a Fernet key; names where it came from.</exception>
    public static FernetKey? Parse(string? text, string origin)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        SecretMasker.Shared.Register(text.Trim(), "DATABASE_PASSWORD_ENCRYPTION_KEY");
        if (FernetKey.TryParse(text, out var key)) return key;
        throw new ConfigurationException($"{origin}: DATABASE_PASSWORD_ENCRYPTION_KEY is not a Fernet key (expected 44 characters of base64url, or that text base64-encoded)");
    }
}
