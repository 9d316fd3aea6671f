using Fixxit.Provisioning.Engine;

namespace Fixxit.Provisioning.Specs.Support;

/// <summary>
/// Crash specs' seam inside a real <c>fixxit</c> process: when <see cref="Variable"/> names a checkpoint, the run prints
/// <c>HOLD &lt;checkpoint&gt;</c> on stderr there and waits until it is killed. Installed by <see cref="StartupHook"/>,
/// which the runtime runs only when a spec sets <c>DOTNET_STARTUP_HOOKS</c> to this assembly; the product reads neither.
/// </summary>
internal static class HoldAtCheckpointHook
{
    public const string Variable = "FIXXIT_SPECS_HOLD_AT";

    public static void Install(string checkpoint) => Checkpoints.Handler = async (reached, ct) =>
    {
        if (!string.Equals(reached, checkpoint, StringComparison.Ordinal)) return;
        await Console.Error.WriteLineAsync($"HOLD {reached}").ConfigureAwait(false);
        await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
    };
}
