using System.Security.Cryptography;
using Fixxit.Cryptography;
using Fixxit.Masking;
using Fixxit.Sandbox.Backend.Seed;

namespace Fixxit.Sandbox.Backend.Specs.Support;

/// <summary>
/// A temporary Open WebUI checkout root: <c>backend/.env</c> with a generated Fernet key and secret key,
/// <c>package.json</c>, and (after <see cref="Seed"/>) <c>backend/data/webui.db</c> plus a credentials file.
/// </summary>
public sealed class TestAppRoot : IDisposable
{
    public const string Version = "0.6.43";

    private TestAppRoot(string path) => Path = path;

    public string Path { get; }

    public FernetKey EncryptionKey { get; private set; } = FernetKey.Generate();

    public string SecretKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public string EnvFile => System.IO.Path.Combine(Path, "backend", ".env");

    public string Database => System.IO.Path.Combine(Path, "backend", "data", "webui.db");

    public string CredentialsFile => System.IO.Path.Combine(Path, "seed-credentials.json");

    public static TestAppRoot Create(string? webUiUrl = "https://app.example.test", bool withPackageJson = true)
    {
        var root = new TestAppRoot(Directory.CreateTempSubdirectory("fixxit-backend-root-").FullName);
        Directory.CreateDirectory(System.IO.Path.Combine(root.Path, "backend"));
        SecretMasker.Shared.Register(root.SecretKey, "WEBUI_SECRET_KEY");
        SecretMasker.Shared.Register(root.EncryptionKey.ToCanonicalString(), "DATABASE_PASSWORD_ENCRYPTION_KEY");
        root.WriteEnv(webUiUrl, root.EncryptionKey);
        if (withPackageJson) File.WriteAllText(System.IO.Path.Combine(root.Path, "package.json"), $$"""{"name":"open-webui","version":"{{Version}}"}""");
        return root;
    }

    /// <summary>Rewrites backend/.env (dotenv syntax with quotes, export and a comment, as real files have).</summary>
    public void WriteEnv(string? webUiUrl, FernetKey? key, params string[] extraLines)
    {
        var lines = new List<string> { "# written by the stand-in backend specs" };
        if (webUiUrl is not null) lines.Add($"WEBUI_URL={webUiUrl}");
        if (key is not null) lines.Add($"DATABASE_PASSWORD_ENCRYPTION_KEY=\"{key.ToCanonicalString()}\"");
        lines.Add($"export WEBUI_SECRET_KEY='{SecretKey}'");
        lines.AddRange(extraLines);
        File.WriteAllLines(EnvFile, lines);
    }

    /// <summary>Replaces the key in .env, as a prod copy with a freshly generated key would have.</summary>
    public FernetKey UseNewEncryptionKey(string? webUiUrl)
    {
        EncryptionKey = FernetKey.Generate();
        SecretMasker.Shared.Register(EncryptionKey.ToCanonicalString(), "DATABASE_PASSWORD_ENCRYPTION_KEY");
        WriteEnv(webUiUrl, EncryptionKey);
        return EncryptionKey;
    }

    public SeedCredentials Seed()
    {
        var (exit, output) = BackendProcess.Run(["seed", "--app-root", Path, "--credentials-out", CredentialsFile]);
        if (exit != 0) throw new InvalidOperationException($"seed failed ({exit}): {output}");
        var credentials = SeedCredentials.Read(CredentialsFile);
        foreach (var account in credentials.Accounts) SecretMasker.Shared.Register(account.Password, "seeded password");
        return credentials;
    }

    public BackendProcess StartBackend(int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = BackendProcess.Start(["backend", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--app-root", Path], environment);
        try
        {
            process.WaitUntilListening();
            return process;
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
