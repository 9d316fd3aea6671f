using Fixxit.EnvConfig;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Provisioning.Releases;
using Fixxit.Remote;

namespace Fixxit.Provisioning.Engine;

/// <summary>One run against one environment: the connection, the declared environments, and the facts steps learn and share.</summary>
internal sealed class DeployContext
{
    public required Topology Topology { get; init; }

    public required ServerHost Host { get; init; }

    /// <summary>The environment being provisioned (prod).</summary>
    public required AppEnvironment Target { get; init; }

    /// <summary>The environment it is copied from (dev): its database lineage, or the development environment on the same host.</summary>
    public required AppEnvironment Source { get; init; }

    public required SshSession Ssh { get; init; }

    public required ReleaseLayout Layout { get; init; }

    public required ProvisionerOptions Options { get; init; }

    public required ProvisionOperation Operation { get; init; }

    public required string RunId { get; init; }

    /// <summary>The run's token; after an interruption the recovery swaps in a token of its own, so putting things back is not cancelled too.</summary>
    public CancellationToken Ct { get; set; }

    public ApplyOptions Apply { get; init; } = ApplyOptions.Default;

    // Facts learned by preflight and shared by later steps.
    public bool TargetExists { get; set; }

    public bool TargetHasDatabase { get; set; }

    public bool TargetWasRunning { get; set; }

    public Dictionary<string, string> KeyFingerprints { get; } = [];

    /// <summary>The source's encryption key (registered with the masker), for proving stored tokens decrypt.</summary>
    public string? SourceEncryptionKey { get; set; }

    public string? SourceCommit { get; set; }

    /// <summary>The snapshot taken by this run before changing anything, if any.</summary>
    public string? SnapshotRelease { get; set; }

    /// <summary>The release or backup file this run created or used, for the result and the journal.</summary>
    public string? Release { get; set; }

    /// <summary>Something was changed on the target by this run (a restart is then due).</summary>
    public bool TargetChanged { get; set; }

    public DeployLock? Lock { get; set; }

    /// <summary>What <c>releases</c> read, for the result.</summary>
    public IReadOnlyList<ReleaseRecord>? ReleaseRecords { get; set; }

    /// <summary>What <c>lock status</c> / <c>lock release</c> found, for the result.</summary>
    public LockState? LockState { get; set; }

    public string TargetPath(string relative) => Target.PathOf(relative);

    public Task<CommandResult> RunAsync(string command) => Ssh.RunAsync(command, Ct);

    public Task<CommandResult> RunCheckedAsync(string command) => Ssh.RunCheckedAsync(command, Ct);

    /// <summary>Lets a crash spec stop the run here (see <see cref="Checkpoints"/>); nothing happens otherwise.</summary>
    public Task CheckpointAsync(string checkpoint) => Checkpoints.ReachedAsync(checkpoint, Ct);

    public static string Q(string word) => ShellQuote.Quote(word);
}
