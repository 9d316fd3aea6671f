using System.Net;
using Fixxit.Sandbox;
using Fixxit.Topologies;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// The default target: the local sandbox. Brings it up when it is not running (and remembers that, so the run brings it
/// down again only then), and provisions sandbox prod from dev when prod is missing.
/// </summary>
public static class SandboxTarget
{
    /// <summary>True when this run started the sandbox (so [AfterTestRun] stops it).</summary>
    public static bool StartedByThisRun { get; private set; }

    public static string? Root { get; private set; }

    public static async Task<Target> PrepareAsync(TargetSettings settings, string resultsDirectory, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var root = ResolveRoot(settings.SandboxRoot);
        Root = root;
        var ports = SandboxPorts.ForSlot(settings.SandboxSlot);
        var status = await Sandbox.SandboxControl.StatusAsync(root, cancellationToken).ConfigureAwait(false);
        SandboxInfo info;
        if (status.CoreRunning && status.Info is not null)
        {
            // The root names the sandbox; a running one is used on whatever ports it was brought up with.
            info = status.Info;
            log($"sandbox at {root} is running (https {info.Ports.CaddyHttps})");
        }
        else
        {
            if (!settings.ManageSandbox)
                throw new InvalidOperationException($"the sandbox at {root} is not running and ManageSandbox=false: run `fixxit sandbox up` first");
            log($"sandbox at {root}: bringing it up (slot {settings.SandboxSlot})");
            // From here on this run owns what it starts: a failing "up" must not leave half a sandbox running.
            StartedByThisRun = true;
            try
            {
                info = await UpWithOneRetryAsync(new SandboxOptions { Root = root, Ports = ports, Log = log }, log, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SandboxException or IOException or InvalidOperationException)
            {
                await StopIfStartedAsync(log).ConfigureAwait(false);
                throw;
            }
        }

        try
        {
            if (!Sandbox.Environments.EnvironmentControl.IsProvisioned(info.Prod))
            {
                log("sandbox prod is missing: provisioning it from dev");
                await SandboxProvisioning.ApplyProdAsync(info, log, cancellationToken).ConfigureAwait(false);
            }

            var backups = settings.BackupDirectory.Replace("{directory}", info.Prod.Directory.TrimEnd('/'), StringComparison.Ordinal);
            await SandboxProvisioning.EnsureBackupAsync(info, backups, log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The hook fails before the run's teardown is guaranteed: stop what this run started now.
            await StopIfStartedAsync(log).ConfigureAwait(false);
            throw;
        }

        return new Target
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
        };
    }

    /// <summary>
    /// "up" is idempotent and repairs what is missing, so one retry absorbs a start-up race (seen under heavy load:
    /// sshd accepting before its pid file exists); a second failure is real and is reported.
    /// </summary>
    public static async Task<SandboxInfo> UpWithOneRetryAsync(SandboxOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        try
        {
            return await Sandbox.SandboxControl.UpAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxException e)
        {
            log($"sandbox up failed once ({e.Message}); retrying");
            return await Sandbox.SandboxControl.UpAsync(options, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task StopIfStartedAsync(Action<string> log)
    {
        if (!StartedByThisRun || Root is null) return;
        log($"sandbox at {Root}: this run started it, bringing it down");
        await Sandbox.SandboxControl.DownAsync(Root, log).ConfigureAwait(false);
        StartedByThisRun = false;
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
