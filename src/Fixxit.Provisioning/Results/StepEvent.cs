using System.Text.Json.Serialization;

namespace Fixxit.Provisioning;

/// <summary>Progress of a run: a step started, or finished with its result.</summary>
public sealed record StepEvent(string Step, StepPhase Phase, string Title, StepResult? Result = null);

[JsonConverter(typeof(JsonStringEnumConverter<StepPhase>))]
public enum StepPhase
{
    Started,
    Finished,
}
