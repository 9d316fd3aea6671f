namespace Fixxit.Sandbox.Faults;

/// <summary>
/// Prod offers no model: its database's persisted config has the OpenAI-compatible connection switched off
/// (<c>openai.enable</c> = false, what a copied dev database carries when someone turned the connection off there).
/// Upstream then lists no model from it and refuses completions for it with "Model not found".
/// </summary>
public sealed class ModelMissingFault : ProdFault
{
    public override string Name => "model-missing";

    public override string Changes => "prod's webui.db config row gets openai.enable = false (the connection serving the model is off; the previous config is kept in state)";

    public override string GateMustReport =>
        "\"Models load correctly\" fails: /api/models lists no model for users; the model selector offers none; a new chat gets no reply";

    public override Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        var previous = ProdDatabase.Change(context, command =>
        {
            var data = ProdDatabase.Column(command, "SELECT data FROM config ORDER BY id DESC LIMIT 1").FirstOrDefault()
                       ?? throw new SandboxException("prod's webui.db has no config row to change");
            var json = System.Text.Json.Nodes.JsonNode.Parse(data)!.AsObject();
            if (json["openai"] is not System.Text.Json.Nodes.JsonObject openai) json["openai"] = openai = [];
            openai["enable"] = false;
            ProdDatabase.Execute(command, "UPDATE config SET data = $d WHERE id = (SELECT max(id) FROM config)", ("$d", json.ToJsonString()));
            return data;
        });
        return Task.FromResult(new ActiveFault { Name = Name, Undo = { ["config"] = previous } });
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        ProdDatabase.Change(context, command =>
            ProdDatabase.Execute(command, "UPDATE config SET data = $d WHERE id = (SELECT max(id) FROM config)", ("$d", active.Undo["config"])));
        return Task.CompletedTask;
    }
}
