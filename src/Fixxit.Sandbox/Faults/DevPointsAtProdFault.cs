
namespace Fixxit.Sandbox.Faults;

/// <summary>
/// The deploy changed dev: dev's <c>backend/.env</c> got prod's public URL as <c>WEBUI_URL</c> (a copy-paste from
/// the prod edit in the wrong directory). The file is saved first and restored byte for byte.
/// </summary>
public sealed class DevPointsAtProdFault : ProdFault
{
    public override string Name => "dev-points-at-prod";

    public override string Changes => "dev's backend/.env gets WEBUI_URL = prod's public URL (the deploy edited dev's file)";

    public override string GateMustReport =>
        "\"Dev was left unchanged by the deploy\" fails: dev's backend/.env points at app.fixxit.ai (FIX003 on dev's live file)";

    public override bool NeedsProd => false;

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var active = new ActiveFault { Name = Name };
        var path = DotEnvPath(context.Dev);
        context.SaveFile(active, path);
        await SetAssignmentAsync(path, "WEBUI_URL", context.Prod.PublicUrl, cancellationToken).ConfigureAwait(false);
        return active;
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        FaultContext.RestoreFiles(active);
        return Task.CompletedTask;
    }
}
