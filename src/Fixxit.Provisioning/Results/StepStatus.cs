using System.Text.Json.Serialization;

namespace Fixxit.Provisioning;

/// <summary>What a step did (or, in a plan, would do). Honest by design: a step that looked and found nothing to do is Unchanged, not Skipped.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepStatus>))]
public enum StepStatus
{
    /// <summary>The step changed the target (in a plan: would change it).</summary>
    Changed,

    /// <summary>The step checked and found the target already as declared.</summary>
    Unchanged,

    /// <summary>The step does not apply to this run (the message says why).</summary>
    Skipped,

    /// <summary>The step failed; the message says why and what state was left.</summary>
    Failed,
}
