using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Fixxit.Checklist.Features.Support;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// The plan's <c>openssl s_client -servername … | openssl x509 -dates</c>: a TLS handshake with the public name as SNI
/// to the mapped address, validated against the target's trust (the pinned CA in the sandbox, the system store for a
/// real target), returning the leaf certificate and every validation error.
/// </summary>
public static class TlsProbe
{
    /// <param name="ChainSpki">base64 SHA-256 of each certificate's SPKI in the validated chain (leaf to root).</param>
    public sealed record Result(X509Certificate2 Certificate, SslPolicyErrors Errors, string ChainStatus, IReadOnlyList<string> ChainSpki);

    public static async Task<Result> FetchAsync(Target target, Uri publicUrl)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(publicUrl);
        if (!target.HostMap.TryGetValue(publicUrl.Host, out var address)) throw new ChecklistFailure($"{publicUrl.Host} is not mapped to an address for this target");
        using var client = new TcpClient(address.AddressFamily);
        await client.ConnectAsync(address, publicUrl.Port).ConfigureAwait(false);
        X509Certificate2? leaf = null;
        var errors = SslPolicyErrors.None;
        var chainStatus = string.Empty;
        var spki = new List<string>();
        await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, certificate, chain, policyErrors) =>
        {
            leaf = certificate is null ? null : new X509Certificate2(certificate);
            errors = policyErrors;
            chainStatus = chain is null ? string.Empty : string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
            if (chain is not null)
            {
                spki.AddRange(chain.ChainElements.Select(e => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(e.Certificate.PublicKey.ExportSubjectPublicKeyInfo()))));
            }

            return true; // judged by the caller, which names the cause
        });
        var options = new SslClientAuthenticationOptions { TargetHost = publicUrl.Host };
        if (target.CaCertificatePath is { } ca)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(File.ReadAllText(ca)));
            options.CertificateChainPolicy = policy;
        }

        await tls.AuthenticateAsClientAsync(options).ConfigureAwait(false);
        return new Result(leaf ?? throw new ChecklistFailure($"{publicUrl.Host} presented no certificate"), errors, chainStatus, spki);
    }
}
