using Fixxit.Sandbox.Tree;

namespace Fixxit.Sandbox.Faults;

/// <summary>Prod's database persists dev's URL as <c>webui.url</c> (what copying dev's DB imports; the DB value wins over .env).</summary>
public sealed class DevUrlInDbFault : ProdFault
{
    public override string Name => "dev-url-in-db";

    public override string Changes => "prod's webui.db config row gets webui.url = dev's public URL (the previous value is remembered in state.json)";

    public override string GateMustReport =>
        "the persisted webui.url of prod's DB points at dev (FIX003 on the live value); \"Invitation URL shows app.fixxit.ai (not dev.fixxit.ai)\" fails: new invitation links start with dev's URL";

    public override Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var previous = PersistedConfig.WriteWebuiUrl(context.Prod.PathOf(context.Prod.Database.Path), context.Dev.PublicUrl);
        return Task.FromResult(new ActiveFault { Name = Name, Undo = { ["previous"] = previous, ["hadValue"] = previous is null ? "false" : "true" } });
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(active);
        var restore = active.Undo.GetValueOrDefault("hadValue") == "true" ? active.Undo["previous"] : null;
        PersistedConfig.WriteWebuiUrl(context.Prod.PathOf(context.Prod.Database.Path), restore);
        return Task.CompletedTask;
    }
}
