namespace Fixxit.Sandbox.Faults;

/// <summary>Caddy sends app.fixxit.ai to dev's backend port: production users silently get dev.</summary>
public sealed class ProxyWrongPortFault : ProdFault
{
    public const string FaultName = "proxy-wrong-port";

    public override string Name => FaultName;

    public override bool NeedsProd => false;

    public override string Changes => "the Caddyfile's app.fixxit.ai site proxies to dev's backend port instead of prod's; validated and reloaded through the admin API";

    public override string GateMustReport =>
        "FIX005 on the live proxy (caddy adapt: app.fixxit.ai upstream = dev's backend port, not prod's); https://app.fixxit.ai serves dev's data (e.g. /api/config or the persisted URL is dev's)";

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.ApplyProxyAsync(c => c with { ProdToDevPort = true }, cancellationToken).ConfigureAwait(false);
        return new ActiveFault { Name = Name };
    }

    public override async Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.ApplyProxyAsync(c => c with { ProdToDevPort = false }, cancellationToken).ConfigureAwait(false);
    }
}
