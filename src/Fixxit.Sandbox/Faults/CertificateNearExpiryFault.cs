using System.Globalization;
using Fixxit.FileFormats.Caddy;
using Fixxit.Sandbox.Proxy;

namespace Fixxit.Sandbox.Faults;

/// <summary>
/// app.fixxit.ai serves a certificate that is about to expire and that nothing renews: someone installed one by hand
/// (<c>tls &lt;cert&gt; &lt;key&gt;</c> in the site block, signed by the same CA, so it is trusted and issued for the
/// name) instead of letting Caddy manage it. Only the expiry is wrong, so only the certificate check can catch it.
/// </summary>
public sealed class CertificateNearExpiryFault : ProdFault
{
    public const string FaultName = "certificate-near-expiry";

    /// <summary>
    /// How long the installed certificate stays valid: under the sandbox profile's 1 h minimum
    /// (<c>CertificateMinimumValidityHours</c>), long enough for a gate run to see it valid but near expiry.
    /// </summary>
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(45);

    public override string Name => FaultName;

    // It acts on Caddy's site for app.fixxit.ai, which exists from the start, as on the real server.
    public override bool NeedsProd => false;

    public override string Changes =>
        $"app.fixxit.ai's site block gets `tls <cert> <key>`: a certificate for app.fixxit.ai signed by Caddy's local CA (trusted, right name) valid for {Validity.TotalMinutes:0} minutes, which Caddy serves as it is and never renews; validated and reloaded";

    public override string GateMustReport =>
        "\"The TLS certificate of the prod domain is valid for its name and not near expiry\" fails: the certificate of app.fixxit.ai expires in under the required time; dev's certificate and Caddy's configuration checks still pass";

    /// <summary>Where the hand-installed certificate (chain) and its key live while the fault is on.</summary>
    public static CaddyTlsFiles Files(SandboxLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var folder = Path.Combine(layout.Root, "faults", FaultName);
        return new CaddyTlsFiles(Path.Combine(folder, "app.crt"), Path.Combine(folder, "app.key"));
    }

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = Files(context.Layout);
        var (chain, key, notAfter) = CaddyLocalAuthority.Issue(context.Layout, context.Prod.PublicHost, DateTimeOffset.UtcNow + Validity);
        Directory.CreateDirectory(Path.GetDirectoryName(files.KeyFile)!);
        await File.WriteAllTextAsync(files.CertificateFile, chain, cancellationToken).ConfigureAwait(false);
        // The key is created empty with 0600 before it is written: it is never readable by others, not even briefly.
        File.Delete(files.KeyFile);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(files.KeyFile, options))
        {
            await writer.WriteAsync(key).ConfigureAwait(false);
        }

        await context.ApplyProxyAsync(c => c with { ProdCertificate = files }, cancellationToken).ConfigureAwait(false);
        return new ActiveFault { Name = Name, Undo = { ["notAfter"] = notAfter.ToString("u", CultureInfo.InvariantCulture) } };
    }

    public override async Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.ApplyProxyAsync(c => c with { ProdCertificate = null }, cancellationToken).ConfigureAwait(false);
        var files = Files(context.Layout);
        File.Delete(files.CertificateFile);
        File.Delete(files.KeyFile);
    }
}
