namespace Fixxit.Sandbox.Faults;

/// <summary>Prod's Vite dev server is gone while the backend runs.</summary>
public sealed class FrontendDownFault : ProdFault
{
    public override string Name => "frontend-down";

    public override string Changes => "prod's frontend (Vite) process group is stopped by pid (the backend keeps running)";

    public override string GateMustReport =>
        "`start_server.sh status` exits non-zero with \"frontend: stopped\"; nothing listens on prod's frontend port (Phase 4 step 8: curl http://localhost:5174 fails)";

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.StopProdPartAsync("frontend", cancellationToken).ConfigureAwait(false);
        return new ActiveFault { Name = Name };
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.StartProdAsync(cancellationToken);
    }
}
