using System.Globalization;

namespace Fixxit.Sandbox.Faults;

/// <summary>Prod's backend starts on a port other than the one Caddy proxies to (a botched port edit in start_server.sh).</summary>
public sealed class WrongBackendPortFault : ProdFault
{
    public override string Name => "wrong-backend-port";

    public override string Changes => "prod's start_server.sh gets BACKEND_PORT = prod's backend port + 1; prod restarts there";

    public override string GateMustReport =>
        "start_server.sh's BACKEND_PORT differs from the declared backend port / proxy upstream (FIX005 on the live files); nothing listens on the declared prod backend port; https://app.fixxit.ai answers 502/503";

    /// <summary>The port the fault moves prod's backend to: unused by any slot of <see cref="Topologies.SandboxPorts"/>.</summary>
    public static int WrongPort(SandboxInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info.Ports.ProdBackend + 1;
    }

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var active = new ActiveFault { Name = Name };
        context.SaveFile(active, ScriptPath(context.Prod));
        await Processes.Ports.EnsureFreeAsync(WrongPort(context.Info), "prod backend (wrong-backend-port fault)", cancellationToken).ConfigureAwait(false);
        await SetAssignmentAsync(ScriptPath(context.Prod), "BACKEND_PORT", WrongPort(context.Info).ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        await context.RestartProdAsync(mustSucceed: true, cancellationToken).ConfigureAwait(false);
        return active;
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken) =>
        RestoreAndRestartAsync(context, active, cancellationToken);
}
