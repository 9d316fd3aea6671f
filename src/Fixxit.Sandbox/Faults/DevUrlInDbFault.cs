using Fixxit.OpenWebUi.Database;

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
        using var database = OpenWebUiDatabase.OpenWritable(context.Prod.PathOf(context.Prod.Database.Path));
        var previous = database.ReadConfig()?.WebuiUrl;
        if (previous != context.Dev.PublicUrl && !database.SetPersistedWebuiUrl(context.Dev.PublicUrl))
            throw new SandboxException($"{database.Path} has no config row yet (the backend persists one on its first start); start prod once, then switch the fault on");
        return Task.FromResult(new ActiveFault { Name = Name, Undo = { ["previous"] = previous, ["hadValue"] = previous is null ? "false" : "true" } });
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(active);
        using var database = OpenWebUiDatabase.OpenWritable(context.Prod.PathOf(context.Prod.Database.Path));
        if (active.Undo.GetValueOrDefault("hadValue") == "true" && active.Undo["previous"] is { } previous) database.SetPersistedWebuiUrl(previous);
        else database.RemovePersistedWebuiUrl();
        return Task.CompletedTask;
    }
}
