using System.Globalization;
using Fixxit.Remote.Targets;
using NUnit.Framework;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// What a runsettings file chooses (its <c>TestRunParameters</c>): the topology and environment under test and the
/// NAMES of the environment variables that hold secrets. Values of secrets are never in a runsettings file.
/// </summary>
public sealed record TargetSettings
{
    /// <summary>"sandbox" (default) or "fixxit" (the real server: only from dev/prod/nightly runsettings).</summary>
    public string Topology { get; init; } = "sandbox";

    /// <summary>The environment the checklist verifies ("prod" for the gate, "dev" for dev.runsettings).</summary>
    public string Environment { get; init; } = "prod";

    /// <summary>The environment prod is copied from; the deployment feature proves it was left alone.</summary>
    public string SourceEnvironment { get; init; } = "dev";

    /// <summary>A label for the report header: gate, nightly, dev, sandbox.</summary>
    public string Profile { get; init; } = "sandbox";

    public string? SandboxRoot { get; init; }

    public int SandboxSlot { get; init; }

    /// <summary>Sandbox only: bring it up (and provision prod) when it is not running; down again at the end if we did.</summary>
    public bool ManageSandbox { get; init; } = true;

    /// <summary>
    /// Set by <c>fixxit gate</c>, which got the sandbox ready (up, provisioned, backed up) before starting the run: the
    /// checklist then changes nothing and a stopped sandbox is an error.
    /// </summary>
    public bool TargetPrepared { get; init; }

    // The variable names default to the settings contract shared with the CLI (Fixxit.Remote.Targets.TargetVariables).
    public string AdminEmailVariable { get; init; } = TargetVariables.AdminEmail;
    public string AdminPasswordVariable { get; init; } = TargetVariables.AdminPassword;
    public string ManagerEmailVariable { get; init; } = TargetVariables.ManagerEmail;
    public string ManagerPasswordVariable { get; init; } = TargetVariables.ManagerPassword;
    public string UserEmailVariable { get; init; } = TargetVariables.UserEmail;
    public string UserPasswordVariable { get; init; } = TargetVariables.UserPassword;

    /// <summary>An account awaiting approval (role "pending"), for the check that such a user is not let in.</summary>
    public string PendingEmailVariable { get; init; } = TargetVariables.PendingEmail;

    public string PendingPasswordVariable { get; init; } = TargetVariables.PendingPassword;

    /// <summary>Names of the manager's groups, comma-separated, in this variable (real targets only).</summary>
    public string ManagerGroupsVariable { get; init; } = TargetVariables.ManagerGroups;

    public string SshKeyPathVariable { get; init; } = TargetVariables.SshKeyFile;
    public string HostKeyFingerprintVariable { get; init; } = TargetVariables.HostKeySha256;

    /// <summary>The server's IP address when set (names mapped to it, DNS not asked); unset: DNS resolves the names.</summary>
    public string ServerAddressVariable { get; init; } = TargetVariables.ServerAddress;

    /// <summary>PEM of the one root to trust for HTTPS when set; unset: the system's trust store.</summary>
    public string TrustedRootVariable { get; init; } = TargetVariables.TrustedRootFile;

    /// <summary>How many times "Logs display consistently" loads the logs page.</summary>
    public int LogLoads { get; init; } = 10;

    /// <summary>A TLS certificate closer to expiry than this fails (Caddy's internal leaf certs live 12 h: the sandbox uses 1 h).</summary>
    public TimeSpan CertificateMinimumValidity { get; init; } = TimeSpan.FromDays(14);

    public long MinimumFreeDiskMegabytes { get; init; } = 1024;

    /// <summary>The median time the public URL may take to answer a request (what a user waits before anything happens).</summary>
    public TimeSpan LatencyBudget { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Folder on the host holding the database backups of the environment under test; <c>{directory}</c> is that
    /// environment's directory. The default is where <c>fixxit backup</c> writes them.
    /// </summary>
    public string BackupDirectory { get; init; } = "{directory}-releases/backups";

    /// <summary>The Caddy binary on the host, with any prefix it needs (e.g. "sudo -n caddy").</summary>
    public string CaddyCommand { get; init; } = "caddy";

    public TimeSpan BackupMaximumAge { get; init; } = TimeSpan.FromHours(26);

    /// <summary>JSON file overriding selectors of the fork's own pages (Pages/fork-selectors.json lists them).</summary>
    public string? SelectorsFile { get; init; }

    public string BrowserExecutable { get; init; } = "/usr/bin/chromium";

    public static TargetSettings FromTestParameters(TestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var d = new TargetSettings();
        string S(string name, string fallback) => parameters.Get(name) is { Length: > 0 } v ? v.Trim() : fallback;
        string? N(string name) => parameters.Get(name) is { Length: > 0 } v ? v.Trim() : null;
        return new TargetSettings
        {
            Topology = S("Topology", d.Topology),
            Environment = S("Environment", d.Environment),
            SourceEnvironment = S("SourceEnvironment", d.SourceEnvironment),
            Profile = S("Profile", d.Profile),
            SandboxRoot = N("SandboxRoot"),
            SandboxSlot = Int(parameters, "SandboxSlot", d.SandboxSlot),
            ManageSandbox = Bool(parameters, "ManageSandbox", d.ManageSandbox),
            TargetPrepared = Bool(parameters, "TargetPrepared", d.TargetPrepared),
            AdminEmailVariable = S("AdminEmailVariable", d.AdminEmailVariable),
            AdminPasswordVariable = S("AdminPasswordVariable", d.AdminPasswordVariable),
            ManagerEmailVariable = S("ManagerEmailVariable", d.ManagerEmailVariable),
            ManagerPasswordVariable = S("ManagerPasswordVariable", d.ManagerPasswordVariable),
            UserEmailVariable = S("UserEmailVariable", d.UserEmailVariable),
            UserPasswordVariable = S("UserPasswordVariable", d.UserPasswordVariable),
            PendingEmailVariable = S("PendingEmailVariable", d.PendingEmailVariable),
            PendingPasswordVariable = S("PendingPasswordVariable", d.PendingPasswordVariable),
            ManagerGroupsVariable = S("ManagerGroupsVariable", d.ManagerGroupsVariable),
            SshKeyPathVariable = S("SshKeyPathVariable", d.SshKeyPathVariable),
            HostKeyFingerprintVariable = S("HostKeyFingerprintVariable", d.HostKeyFingerprintVariable),
            ServerAddressVariable = S("ServerAddressVariable", d.ServerAddressVariable),
            TrustedRootVariable = S("TrustedRootVariable", d.TrustedRootVariable),
            LogLoads = Int(parameters, "LogLoads", d.LogLoads),
            CertificateMinimumValidity = TimeSpan.FromHours(Int(parameters, "CertificateMinimumValidityHours", (int)d.CertificateMinimumValidity.TotalHours)),
            MinimumFreeDiskMegabytes = Int(parameters, "MinimumFreeDiskMegabytes", (int)d.MinimumFreeDiskMegabytes),
            LatencyBudget = TimeSpan.FromMilliseconds(Int(parameters, "LatencyBudgetMilliseconds", (int)d.LatencyBudget.TotalMilliseconds)),
            BackupDirectory = S("BackupDirectory", d.BackupDirectory),
            BackupMaximumAge = TimeSpan.FromHours(Int(parameters, "BackupMaximumAgeHours", (int)d.BackupMaximumAge.TotalHours)),
            SelectorsFile = N("SelectorsFile"),
            CaddyCommand = S("CaddyCommand", d.CaddyCommand),
            BrowserExecutable = S("BrowserExecutable", d.BrowserExecutable),
        };
    }

    public bool IsSandbox => Topology is "sandbox" or "";

    private static int Int(TestParameters parameters, string name, int fallback)
    {
        var text = parameters.Get(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"runsettings parameter {name}='{text}' is not a whole number >= 0");
    }

    private static bool Bool(TestParameters parameters, string name, bool fallback)
    {
        var text = parameters.Get(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return bool.TryParse(text, out var value) ? value : throw new ArgumentException($"runsettings parameter {name}='{text}' is not true or false");
    }
}
