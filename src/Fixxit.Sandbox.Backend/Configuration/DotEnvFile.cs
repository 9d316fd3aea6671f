using Fixxit.FileFormats.DotEnv;

namespace Fixxit.Sandbox.Backend.Configuration;

/// <summary>
/// <c>backend/.env</c> as python-dotenv loads it, read through <see cref="DotEnvDocument"/> (the product's own
/// python-dotenv-compatible parser) so that the stand-in and the provisioning code agree on every value.
/// </summary>
public sealed class DotEnvFile
{
    private readonly DotEnvDocument _document;

    private DotEnvFile(string path, DotEnvDocument document)
    {
        Path = path;
        _document = document;
    }

    public string Path { get; }

    /// <summary>The value the last definition of <paramref name="key"/> gives, or null.</summary>
    public string? Get(string key) => _document.Get(key);

    /// <exception cref="ConfigurationException">Missing file or a malformed line (file and line named).</exception>
    public static DotEnvFile Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigurationException($"{path}: file not found (the backend reads its settings from backend/.env)");
        try
        {
            return new DotEnvFile(path, DotEnvDocument.Load(path));
        }
        catch (DotEnvFormatException e)
        {
            throw new ConfigurationException(e.Message, e);
        }
    }
}
