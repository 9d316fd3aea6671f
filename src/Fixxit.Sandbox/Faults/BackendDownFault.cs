namespace Fixxit.Sandbox.Faults;

/// <summary>Prod's backend process is gone (crashed or never started); its stale pid file stays, as after a crash.</summary>
public sealed class BackendDownFault : ProdFault
{
    public override string Name => "backend-down";

    public override string Changes => "prod's backend process group is stopped by pid (the frontend keeps running)";

    public override string GateMustReport =>
        "`start_server.sh status` exits non-zero with \"backend: stopped\"; nothing listens on prod's backend port; https://app.fixxit.ai answers 502/503; every API scenario fails";

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.StopProdPartAsync("backend", cancellationToken).ConfigureAwait(false);
        return new ActiveFault { Name = Name };
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.StartProdAsync(cancellationToken);
    }
}
