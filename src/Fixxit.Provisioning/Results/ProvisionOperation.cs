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
}
