using System.Text.Json.Serialization;

namespace Fixxit.Provisioning;

/// <summary>The verb a result belongs to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProvisionOperation>))]
public enum ProvisionOperation
{
    Plan,
    Apply,
    Update,
    Rollback,
    Backup,
    Restore,
    Doctor,

    /// <summary><c>releases</c>: the release list with what the journal says about each.</summary>
    Releases,

    /// <summary><c>lock status</c>.</summary>
    LockStatus,

    /// <summary><c>lock release</c>: remove a stale (or, forced, a live) deploy lock; journaled.</summary>
    Unlock,

    /// <summary><c>verify</c>: a gate's verdict about the deployed state, journaled (a pass is snapshotted as a verified release).</summary>
    Verify,
}
