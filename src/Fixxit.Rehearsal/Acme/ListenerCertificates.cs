using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fixxit.Rehearsal.Acme;

/// <summary>
/// Pebble's own HTTPS listener needs a certificate for 127.0.0.1/localhost and Debian ships none: a small CA made here
/// signs one. Caddy trusts that CA to talk ACME (<c>acme_ca_root</c>); it is not the root the leaves chain to.
/// </summary>
public static class ListenerCertificates
{
    public static void Write(RehearsalLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Directory.CreateDirectory(layout.PebbleDirectory);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Fixxit rehearsal Pebble listener CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var ca = caRequest.CreateSelfSigned(now, now.AddDays(30));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=localhost", leafKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var leaf = leafRequest.Create(ca, now, now.AddDays(29), RandomNumberGenerator.GetBytes(12));

        File.WriteAllText(layout.PebbleListenerCa, ca.ExportCertificatePem() + "\n");
        File.WriteAllText(layout.PebbleListenerCertificate, leaf.ExportCertificatePem() + "\n");
        File.WriteAllText(layout.PebbleListenerKey, leafKey.ExportPkcs8PrivateKeyPem() + "\n");
        File.SetUnixFileMode(layout.PebbleListenerKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
