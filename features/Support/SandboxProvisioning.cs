using Fixxit.Provisioning;
using Fixxit.Sandbox;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// Makes sandbox prod what a real deploy leaves behind, with the product's own provisioning: <c>apply prod</c> from dev
/// when prod is missing (idempotent), and a database backup when none exists yet (on the real server a scheduled job
/// makes them; the checklist verifies one is recent and sound).
/// </summary>
public static class SandboxProvisioning
{
    public static async Task ApplyProdAsync(SandboxInfo info, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        var result = await Provisioner(info).ApplyAsync(info.Topology, "prod", ApplyOptions.Default, null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded) throw new InvalidOperationException($"provisioning sandbox prod from dev failed at {result.FailedStep}: {result.Summary}");
        log("sandbox prod provisioned: " + result.Summary);
    }

    public static async Task EnsureBackupAsync(SandboxInfo info, string backupDirectory, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (Directory.Exists(backupDirectory) && Directory.EnumerateFiles(backupDirectory, "*.db").Any()) return;
        var result = await Provisioner(info).BackupAsync(info.Topology, "prod", BackupOptions.Default, null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded) throw new InvalidOperationException($"backing up sandbox prod failed at {result.FailedStep}: {result.Summary}");
        log("sandbox prod backed up: " + result.Summary);
    }

    private static Provisioner Provisioner(SandboxInfo info) =>
        new(Fixxit.Provisioning.ProvisionerOptions.ForSandbox(info.ClientKeyPath, info.CaRootCertificatePath) with { Actor = "fixxit checklist" });
}
