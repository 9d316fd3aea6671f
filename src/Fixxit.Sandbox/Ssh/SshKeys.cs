using Fixxit.Remote;
using Fixxit.Sandbox.Processes;

namespace Fixxit.Sandbox.Ssh;

/// <summary>ed25519 key pairs made by the real <c>ssh-keygen</c>, one host key and one client key per sandbox.</summary>
public static class SshKeys
{
    /// <summary>Creates <paramref name="privateKeyPath"/> (and <c>.pub</c>) unless it already exists.</summary>
    public static async Task EnsureAsync(string privateKeyPath, string comment, CancellationToken cancellationToken = default)
    {
        if (File.Exists(privateKeyPath) && File.Exists(privateKeyPath + ".pub")) return;
        Directory.CreateDirectory(Path.GetDirectoryName(privateKeyPath)!);
        File.Delete(privateKeyPath);
        File.Delete(privateKeyPath + ".pub");
        await ProcessRunner.RunCheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", privateKeyPath], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The key's SHA-256 fingerprint without the <c>SHA256:</c> prefix, as <c>ssh-keygen -lf</c> computes it.</summary>
    public static async Task<string> FingerprintAsync(string keyPath, CancellationToken cancellationToken = default)
    {
        var result = await ProcessRunner.RunCheckedAsync("ssh-keygen", ["-l", "-E", "sha256", "-f", keyPath + ".pub"], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return HostKeyPin.FromKeygenOutput(result.StdOut);
    }
}
