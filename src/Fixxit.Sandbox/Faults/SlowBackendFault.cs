using System.Globalization;
using Fixxit.Sandbox.Environments;
using Fixxit.Sandbox.Processes;

namespace Fixxit.Sandbox.Faults;

/// <summary>
/// Prod's backend is starved of CPU (an overloaded or undersized server): a throttle process freezes prod's backend
/// process group with SIGSTOP for <see cref="Frozen"/> of every <see cref="Frozen"/> + <see cref="Running"/>, as a
/// CPU quota or a noisy neighbour does. Nothing in the backend knows: requests simply wait for it to run again.
/// </summary>
public sealed class SlowBackendFault : ProdFault
{
    /// <summary>Below Caddy's 5 s health timeout, so the site stays "up" — just slow.</summary>
    public static readonly TimeSpan Frozen = TimeSpan.FromMilliseconds(3000);

    public static readonly TimeSpan Running = TimeSpan.FromMilliseconds(50);

    public override string Name => "slow-backend";

    public override string Changes =>
        $"a throttle process freezes prod's backend process group (SIGSTOP) for {Frozen.TotalMilliseconds:0} ms of every {(Frozen + Running).TotalMilliseconds:0} ms (CPU starvation); off stops the throttle and resumes the backend";

    public override string GateMustReport =>
        "\"The site answers within the latency budget\" fails naming the median latency of https://app.fixxit.ai and the budget, while functional checks still pass";

    public static string ThrottlePidFile(FaultContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Path.Combine(context.Layout.Root, "faults", "slow-backend", "throttle.pid");
    }

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var backend = EnvironmentControl.Pid(context.Prod, "backend") ?? throw new SandboxException("prod's backend is not running: nothing to slow down");
        var pidFile = ThrottlePidFile(context);
        Directory.CreateDirectory(Path.GetDirectoryName(pidFile)!);
        File.Delete(pidFile);
        var group = "-" + backend.ToString(CultureInfo.InvariantCulture);
        var frozen = Frozen.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var running = Running.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        // Its own session, so it outlives the command that switched the fault on; no inherited output pipes (whoever
        // started it would wait for them to close); it resumes the backend when stopped and ends by itself when the
        // backend's group is gone.
        var script = $"exec </dev/null >/dev/null 2>&1; echo $$ > '{pidFile}.new' && mv '{pidFile}.new' '{pidFile}'; trap 'kill -CONT -- {group} 2>/dev/null; exit 0' TERM INT; " +
                     $"while kill -STOP -- {group} 2>/dev/null; do sleep {frozen}; kill -CONT -- {group} 2>/dev/null; sleep {running}; done";
        await ProcessRunner.RunCheckedAsync("setsid", ["-f", "bash", "-c", script], cancellationToken: cancellationToken).ConfigureAwait(false);
        // The pid file appears whole (written aside, then renamed).
        for (var i = 0; i < 250 && !File.Exists(pidFile); i++) await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        var throttle = File.Exists(pidFile) ? File.ReadAllText(pidFile).Trim() : throw new SandboxException("the slow-backend throttle did not start");
        return new ActiveFault { Name = Name, Undo = { ["throttle"] = throttle, ["backendGroup"] = backend.ToString(CultureInfo.InvariantCulture) } };
    }

    public override async Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        if (int.TryParse(active.Undo.GetValueOrDefault("throttle"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var throttle) && ProcessTable.IsAlive(throttle))
        {
            await ProcessRunner.RunAsync("kill", ["-TERM", throttle.ToString(CultureInfo.InvariantCulture)], cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < 150 && ProcessTable.IsAlive(throttle); i++) await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        // Whatever the throttle's last move was, the backend runs again.
        if (active.Undo.GetValueOrDefault("backendGroup") is { } group)
        {
            await ProcessRunner.RunAsync("kill", ["-CONT", "--", "-" + group], cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        File.Delete(ThrottlePidFile(context));
    }
}
