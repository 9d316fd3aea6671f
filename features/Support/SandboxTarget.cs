using System.Net;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Readiness;
using Fixxit.Topologies;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// The default target: the local sandbox, made ready through <see cref="SandboxReadiness"/> (the same call as
/// <c>fixxit gate</c>'s): created or booted when nothing of it runs (returning a lease, so the run brings it down again
/// only then), otherwise only its host started — never repaired; prod provisioned from dev when missing, unless the CLI
/// already got it ready (<c>TargetPrepared</c>).
/// </summary>
public static class SandboxTarget
{
    public static async Task<(Target Target, SandboxLease? Lease)> PrepareAsync(TargetSettings settings, string resultsDirectory, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var root = ResolveRoot(settings.SandboxRoot);
        // `fixxit gate` got the sandbox ready before starting this run: then the checklist only verifies.
        var ready = await SandboxReadiness.PrepareAsync(new ReadinessOptions
        {
            Root = root,
            Ports = SandboxPorts.ForSlot(settings.SandboxSlot),
            StartIfStopped = settings.ManageSandbox && !settings.TargetPrepared,
            Provision = settings.TargetPrepared ? ProdProvisioning.Never : ProdProvisioning.IfMissing,
            EnsureBackup = !settings.TargetPrepared,
            BackupDirectory = settings.BackupDirectory,
            Actor = "fixxit checklist",
            Log = log,
        }, cancellationToken).ConfigureAwait(false);
        var lease = ready.StartedHere ? new SandboxLease(root) : null;
        if (!ready.Ready)
        {
            if (lease is not null) await lease.ReleaseAsync(log).ConfigureAwait(false);
            var failed = ready.Applied is { Succeeded: false } ? ready.Applied : ready.BackedUp!;
            throw new InvalidOperationException($"getting sandbox prod ready failed at {failed.FailedStep}: {failed.Summary}");
        }

        var info = ready.Info;
        return (new Target
        {
            Settings = settings,
            Topology = info.Topology,
            UnderTest = info.Topology.Environment(settings.Environment),
            Source = info.Topology.Environment(settings.SourceEnvironment),
            HostMap = info.Topology.Environments.Select(e => e.PublicHost).Distinct(StringComparer.OrdinalIgnoreCase)
                .ToDictionary(h => h, _ => IPAddress.Loopback, StringComparer.OrdinalIgnoreCase),
            CaCertificatePath = info.CaRootCertificatePath,
            CaSpkiSha256Base64 = info.CaSpkiSha256Base64,
            Accounts = TargetAccounts.FromSeedFile(info.CredentialsPath),
            Ssh = info.SshTarget(),
            ResultsDirectory = resultsDirectory,
            CaddyEnvironment = Sandbox.Proxy.SandboxCaddy.Environment(new SandboxLayout(root)),
        }, lease);
    }

    /// <summary>
    /// Absolute root: the runsettings' SandboxRoot (relative to the repository), else <c>FIXXIT_SANDBOX_ROOT</c> (how
    /// <c>fixxit gate --root</c> passes it), else <c>&lt;repo&gt;/.sandbox</c>.
    /// </summary>
    public static string ResolveRoot(string? configured)
    {
        var repository = SandboxLayout.RepositoryRoot(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;
        if (string.IsNullOrWhiteSpace(configured)) configured = Environment.GetEnvironmentVariable("FIXXIT_SANDBOX_ROOT");
        if (string.IsNullOrWhiteSpace(configured)) return Path.Combine(repository, ".sandbox");
        return Path.IsPathRooted(configured) ? configured : Path.GetFullPath(Path.Combine(repository, configured));
    }
}
