namespace Fixxit.Provisioning.Engine;

/// <summary>One verb as data: its preflight, its steps (built once preflight has learned the target's state), what it does after a failed step, and how its result is recorded.</summary>
internal sealed record OperationDefinition
{
    public required ProvisionOperation Kind { get; init; }

    public required PreflightScope Preflight { get; init; }

    public required Func<DeployContext, IReadOnlyList<IStep>> Steps { get; init; }

    /// <summary>How <c>apply</c>'s size checks and look-aheads behave; the defaults for the other verbs.</summary>
    public ApplyOptions Apply { get; init; } = ApplyOptions.Default;

    /// <summary>After a failed step: put things back (e.g. roll back to the snapshot this run took); true when it rolled back.</summary>
    public Func<DeployContext, RunRecorder, Task<bool>>? Recover { get; init; }

    /// <summary>Changing verbs write a journal line and release the lock whatever happened; plan and doctor only look.</summary>
    public bool Journaled { get; init; } = true;

    /// <summary>The release (snapshot, backup file, restored release) the result names.</summary>
    public Func<DeployContext, string?> Release { get; init; } = ctx => ctx.Release;

    /// <summary>Doctor: a failed check is a problem found, not a step that broke.</summary>
    public bool FailuresAreFindings { get; init; }

    /// <summary>Shapes the journal line beyond the defaults (verify records the gate's verdict and report).</summary>
    public Func<Releases.JournalEntry, Releases.JournalEntry>? Journal { get; init; }

    /// <summary>Verbs that report one thing (releases, the lock): a successful run's summary is its last step's sentence.</summary>
    public bool SummaryIsLastStep { get; init; }
}
