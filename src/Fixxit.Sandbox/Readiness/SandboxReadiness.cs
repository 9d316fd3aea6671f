using Fixxit.Provisioning;
using Fixxit.Remote;
using Fixxit.Sandbox.Environments;

namespace Fixxit.Sandbox.Readiness;

/// <summary>
/// The one way to make the sandbox ready for a gate, used by <c>fixxit gate</c> and by the checklist's own hooks (when
/// <c>dotnet test features</c> runs alone). A gate verifies the deployment as it finds it, so this never repairs: a new
/// root is created, a sandbox of which nothing runs is booted as a server boots (<see cref="SandboxHost.BootAsync"/>),
/// and a running one gets only its host started (sshd, the Caddy process with its Caddyfile as found) — a stopped
/// environment process, an edited Caddyfile, tree or database are left for the checklist to judge. Nothing here reads
/// which faults are switched on. Prod is provisioned from dev as asked (that is a deploy, not a repair), with a
/// database backup when that deploy leaves none. A gate run by the CLI gets it ready once and tells the checklist so.
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
        if (status.Info is null || !Tree.DevTreeBuilder.Exists(SandboxLayout.Resolve(options.Root), status.Info.Dev))
        {
            if (!options.StartIfStopped) throw new SandboxException($"no sandbox at {options.Root}: run `fixxit sandbox up` first");
            log($"no sandbox at {options.Root}: creating one");
            startedHere = true;
            info = await UpWithOneRetryAsync(new SandboxOptions { Root = options.Root, Ports = options.Ports, Log = log }, log, cancellationToken).ConfigureAwait(false);
        }
        else if (status.Components.All(c => !c.Running))
        {
            if (!options.StartIfStopped) throw new SandboxException($"the sandbox at {options.Root} is not running: run `fixxit sandbox up` first");
            log($"nothing of the sandbox at {options.Root} runs: booting it as the server would (host, then each environment's start_server.sh start; every file as found)");
            startedHere = true;
            info = (await SandboxHost.BootAsync(options.Root, log, cancellationToken).ConfigureAwait(false)).Info;
        }
        else
        {
            // The root names the sandbox; a running one is used on whatever ports it was brought up with.
            info = (await SandboxHost.StartAsync(options.Root, log, cancellationToken).ConfigureAwait(false)).Info;
            log($"sandbox at {options.Root} is running (https {info.Ports.CaddyHttps}); judged as found");
        }

        try
        {
            // The host key pinned at creation must still be sshd's: otherwise the run stops here, before any command,
            // with OpenSSH's warning (SshConnectException, SshFailure.HostKeyMismatch).
            await using (await SshSession.ConnectAsync(info.SshTarget(), null, cancellationToken).ConfigureAwait(false))
            {
                log($"ssh: host key matches the pin SHA256:{info.HostKeyFingerprint}");
            }

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
            // Only a deploy made here leaves a backup behind: a verify-only run must find the scheduled job's own.
            if (options.EnsureBackup && applied is not null && !(Directory.Exists(backups) && Directory.EnumerateFiles(backups, "*.db").Any()))
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
    /// Creating a root is idempotent, so one retry absorbs a start-up race (seen under heavy load:
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
