namespace Fixxit.Provisioning.Deploy;

/// <summary>How a deploy ended; the CLI gives each its own exit code (docs/cli.md).</summary>
public enum DeployVerdict
{
    /// <summary>Applied, the gate passed, the state is recorded as a verified release.</summary>
    Verified,

    /// <summary>The apply itself failed (and rolled back to its own snapshot when it had changed anything).</summary>
    ApplyFailed,

    /// <summary>The gate failed on a deployment that nothing changed: there is nothing to roll back to.</summary>
    GateFailedUnchanged,

    /// <summary>The gate failed; code and database are back on the release before the apply, and a smoke run passed there.</summary>
    RolledBack,

    /// <summary>The gate failed and the way back failed too (the rollback, or the smoke run after it): a person must look.</summary>
    RollbackFailed,
}
