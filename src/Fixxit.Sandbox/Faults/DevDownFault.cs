namespace Fixxit.Sandbox.Faults;

/// <summary>The dev environment is down after the deploy (the plan's Phase 4 step 11 forgotten: dev not restarted).</summary>
public sealed class DevDownFault : ProdFault
{
    public override string Name => "dev-down";

    public override string Changes => "dev's backend and frontend process groups are stopped by pid (their stale pid files stay)";

    public override string GateMustReport =>
        "\"Dev and prod are both up\" fails: https://dev.fixxit.ai answers 502/503; dev's start_server.sh status says stopped; nothing listens on dev's ports";

    public override bool NeedsProd => false;

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await FaultContext.StopPartAsync(context.Dev, "backend", cancellationToken).ConfigureAwait(false);
        await FaultContext.StopPartAsync(context.Dev, "frontend", cancellationToken).ConfigureAwait(false);
        await context.RefreshProxyAsync(cancellationToken).ConfigureAwait(false);
        return new ActiveFault { Name = Name };
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.StartAsync(context.Dev, cancellationToken);
    }
}
