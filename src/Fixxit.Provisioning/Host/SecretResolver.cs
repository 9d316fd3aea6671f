using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.FileFormats.DotEnv;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Masking;
using Fixxit.Provisioning.Files;
using Fixxit.Remote;
using Renci.SshNet.Common;

namespace Fixxit.Provisioning.Host;

/// <summary>Reads the value a <see cref="SecretRef"/> points at (remote .env / script over SFTP, local variable or file) and registers it with the masker.</summary>
internal static class SecretResolver
{
    /// <returns>The value, or null when the file or key is absent.</returns>
    public static async Task<string?> ReadAsync(SshSession ssh, AppEnvironment environment, SecretRef reference, CancellationToken ct)
    {
        string? value;
        switch (reference.Source)
        {
            case SecretSource.DotEnv:
            {
                var text = await TryReadRemoteAsync(ssh, environment.PathOf(reference.Location!), ct).ConfigureAwait(false);
                value = text is null ? null : DotEnvDocument.Parse(text, environment.PathOf(reference.Location!)).Get(reference.Key);
                break;
            }

            case SecretSource.ShellScript:
            {
                var text = await TryReadRemoteAsync(ssh, environment.PathOf(reference.Location!), ct).ConfigureAwait(false);
                value = text is null ? null : StartServerScript.Parse(text, environment.PathOf(reference.Location!)).AssignmentsOf(reference.Key).LastOrDefault()?.Value;
                break;
            }

            case SecretSource.EnvironmentVariable:
                value = Environment.GetEnvironmentVariable(reference.Key);
                break;
            case SecretSource.File:
                value = File.Exists(reference.Location) ? (await File.ReadAllTextAsync(reference.Location!, ct).ConfigureAwait(false)).Trim() : null;
                break;
            default:
                throw new ProvisioningException(FailureKind.BadInput, $"unsupported secret source {reference.Source} for {reference}");
        }

        SecretMasker.Shared.Register(value, reference.Key);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static async Task<string?> TryReadRemoteAsync(SshSession ssh, string path, CancellationToken ct)
    {
        try
        {
            return await ssh.ReadFileAsync(path, ct).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (SftpPathNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Fingerprint of a key's text: a Fernet key's canonical form, else the text itself.</summary>
    public static string Fingerprint(string value) => KeyFingerprint.OfKeyText(value);
}
