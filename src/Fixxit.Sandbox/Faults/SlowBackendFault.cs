using System.Globalization;

namespace Fixxit.Sandbox.Faults;

/// <summary>Prod's backend answers every request late (an overloaded or mis-sized server).</summary>
public sealed class SlowBackendFault : ProdFault
{
    /// <summary>Below Caddy's 5 s health timeout, so the site stays "up" — just slow.</summary>
    public const int DelayMilliseconds = 2500;

    public override string Name => "slow-backend";

    public override string Changes => $"prod's backend/.env gets SANDBOX_RESPONSE_DELAY_MS={DelayMilliseconds}; prod restarts";

    public override string GateMustReport =>
        $"responses from https://app.fixxit.ai take ≥ {DelayMilliseconds} ms: latency checks / timeouts fail while functional checks still pass";

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var active = new ActiveFault { Name = Name };
        context.SaveFile(active, DotEnvPath(context.Prod));
        await SetAssignmentAsync(DotEnvPath(context.Prod), "SANDBOX_RESPONSE_DELAY_MS", DelayMilliseconds.ToString(CultureInfo.InvariantCulture), cancellationToken)
            .ConfigureAwait(false);
        await context.RestartProdAsync(mustSucceed: true, cancellationToken).ConfigureAwait(false);
        return active;
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken) =>
        RestoreAndRestartAsync(context, active, cancellationToken);
}
