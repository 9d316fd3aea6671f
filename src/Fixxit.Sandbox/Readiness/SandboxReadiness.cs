using Fixxit.Provisioning;
using Fixxit.Sandbox.Environments;

namespace Fixxit.Sandbox.Readiness;

/// <summary>
/// The one way to make the sandbox ready for a gate, used by <c>fixxit gate</c> and by the checklist's own hooks (when
/// <c>dotnet test features</c> runs alone): up when stopped, prod provisioned from dev as asked, a database backup when
/// none exists. A gate run by the CLI gets it ready once and tells the checklist so, which then changes nothing.
/// </summary>
public static class SandboxReadiness
{
    public static async Task<ReadinessResult> PrepareAsync(ReadinessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var log = options.Log;
        var status = await SandboxControl.StatusAsync(options.Root, cancellationToken).ConfigureAwait(false);
        SandboxInfo info;
        var startedHere = false;
        if (status.CoreRunning && status.Info is not null && !options.RefreshIfRunning)
        {
            // The root names the sandbox; a running one is used on whatever ports it was brought up with.
            info = status.Info;
            log($"sandbox at {options.Root} is running (https {info.Ports.CaddyHttps})");
        }
        else
        {
            if (!status.CoreRunning && !options.StartIfStopped)
                throw new SandboxException($"the sandbox at {options.Root} is not running: run `fixxit sandbox up` first");
            startedHere = !status.CoreRunning;
            info = await UpWithOneRetryAsync(new SandboxOptions { Root = options.Root, Ports = options.Ports, Log = log }, log, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var provisioner = new Provisioner(ProvisionerOptions.ForSandbox(info.ClientKeyPath, info.CaRootCertificatePath) with { Actor = options.Actor });
            var apply = options.Provision switch
            {
                ProdProvisioning.Always => true,
                ProdProvisioning.IfMissing => !EnvironmentControl.IsProvisioned(info.Prod),
                _ => false,
            };
            ProvisionResult? applied = null;
            if (apply)
            {
                log("provisioning sandbox prod from dev");
                applied = await provisioner.ApplyAsync(info.Topology, "prod", ApplyOptions.Default, options.Progress, cancellationToken).ConfigureAwait(false);
                if (!applied.Succeeded) return new ReadinessResult(info, startedHere, applied, null);
            }

            ProvisionResult? backedUp = null;
            var backups = options.BackupDirectory.Replace("{directory}", info.Prod.Directory.TrimEnd('/'), StringComparison.Ordinal);
            if (options.EnsureBackup && !(Directory.Exists(backups) && Directory.EnumerateFiles(backups, "*.db").Any()))
            {
                backedUp = await provisioner.BackupAsync(info.Topology, "prod", BackupOptions.Default, null, cancellationToken).ConfigureAwait(false);
                log("sandbox prod backed up: " + backedUp.Summary);
            }

            return new ReadinessResult(info, startedHere, applied, backedUp);
        }
        catch when (startedHere)
        {
            // Getting ready failed before anyone could take over: stop what this call started.
            await SandboxControl.DownAsync(options.Root, log, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// "up" is idempotent and repairs what is missing, so one retry absorbs a start-up race (seen under heavy load:
    /// sshd accepting before its pid file exists); a second failure is real and is reported.
    /// </summary>
    private static async Task<SandboxInfo> UpWithOneRetryAsync(SandboxOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        try
        {
            return await SandboxControl.UpAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxException e)
        {
            log($"sandbox up failed once ({e.Message}); retrying");
            return await SandboxControl.UpAsync(options, cancellationToken).ConfigureAwait(false);
        }
    }
}
