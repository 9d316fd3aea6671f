using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fixxit.Sandbox.Proxy;

/// <summary>
/// Caddy's local CA as it keeps it in its storage (<c>pki/authorities/local/</c>): the intermediate that signs every
/// <c>tls internal</c> certificate. Signing with it is what an operator with access to the server could do by hand
/// (e.g. with openssl): the result chains to the same root the sandbox's clients trust.
/// </summary>
public static class CaddyLocalAuthority
{
    public static string IntermediateCertificate(SandboxLayout layout) => Path.Combine(Folder(layout), "intermediate.crt");

    public static string IntermediateKey(SandboxLayout layout) => Path.Combine(Folder(layout), "intermediate.key");

    /// <summary>
    /// A server certificate for <paramref name="host"/> valid until <paramref name="notAfter"/> (capped at the
    /// intermediate's own end), signed by the intermediate. Returns the chain PEM (leaf, then intermediate) and the
    /// leaf's private key PEM.
    /// </summary>
    public static (string ChainPem, string KeyPem, DateTimeOffset NotAfter) Issue(SandboxLayout layout, string host, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var certificateFile = IntermediateCertificate(layout);
        var keyFile = IntermediateKey(layout);
        if (!File.Exists(certificateFile) || !File.Exists(keyFile))
        {
            throw new SandboxException($"Caddy's local CA is not in its storage yet ({certificateFile}, {keyFile}): Caddy creates it when it first serves a site; run `fixxit sandbox up`");
        }

        using var issuer = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={host}"), key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // Slightly back-dated, as CAs do, so a clock a little behind still accepts it (never before the issuer's own start).
        var backDated = DateTimeOffset.UtcNow.AddMinutes(-5);
        var issuerStart = new DateTimeOffset(issuer.NotBefore.ToUniversalTime());
        var notBefore = backDated > issuerStart ? backDated : issuerStart;
        var end = notAfter < issuer.NotAfter.ToUniversalTime() ? notAfter : new DateTimeOffset(issuer.NotAfter.ToUniversalTime());
        using var leaf = request.Create(issuer, notBefore, end, RandomNumberGenerator.GetBytes(16));
        return (leaf.ExportCertificatePem() + "\n" + issuer.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n", end);
    }

    private static string Folder(SandboxLayout layout) => Path.Combine(layout.CaddyStorage, "pki", "authorities", "local");
}
