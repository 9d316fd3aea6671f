using Fixxit.Provisioning;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary>
/// Progress for flows that run provisioning inside a larger job (gate, deploy): one line per step, as it starts. A
/// step's look-ahead and the step itself share that line, and lines are written on the reporting thread
/// (<see cref="Progress{T}"/> would post them to the thread pool, out of order).
/// </summary>
public sealed class StepLines(Action<string> write) : IProgress<StepEvent>
{
    private readonly HashSet<string> _shown = new(StringComparer.Ordinal);

    public void Report(StepEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Phase == StepPhase.Started && _shown.Add(value.Step)) write($"{value.Title}…");
    }
}
