namespace Fixxit.Sandbox.Readiness;

/// <summary>Whether getting the sandbox ready provisions prod from dev.</summary>
public enum ProdProvisioning
{
    /// <summary>Verify what is deployed, as it is.</summary>
    Never,

    /// <summary>Only when prod does not exist yet (a fresh sandbox).</summary>
    IfMissing,

    /// <summary>Every time (idempotent: a no-op when prod already matches dev): the main job deploys, then verifies.</summary>
    Always,
}
