using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.FileFormats.DotEnv;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Masking;
using Fixxit.Provisioning.Files;
using Fixxit.Remote;
using Renci.SshNet.Common;

namespace Fixxit.Provisioning.Host;

/// <summary>Resolves the value a <see cref="SecretRef"/> points at (a remote .env / script whose text the caller fetched, a local variable or file) and registers it with the masker.</summary>
internal static class SecretResolver
{
    /// <summary>The file on the host a reference reads (a .env or script), or null when the value lives on this machine.</summary>
    public static string? RemoteFile(AppEnvironment environment, SecretRef reference) =>
        reference.Source is SecretSource.DotEnv or SecretSource.ShellScript ? environment.PathOf(reference.Location!) : null;

    /// <summary>The value from the text of <see cref="RemoteFile"/> (fetched by the caller, null when absent) or from this machine; null when the file or key is absent.</summary>
    public static async Task<string?> ResolveAsync(AppEnvironment environment, SecretRef reference, string? remoteText, CancellationToken ct)
    {
        string? value;
        switch (reference.Source)
        {
            case SecretSource.DotEnv:
                value = remoteText is null ? null : DotEnvDocument.Parse(remoteText, environment.PathOf(reference.Location!)).Get(reference.Key);
                break;
            case SecretSource.ShellScript:
                value = remoteText is null ? null : StartServerScript.Parse(remoteText, environment.PathOf(reference.Location!)).AssignmentsOf(reference.Key).LastOrDefault()?.Value;
                break;
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
