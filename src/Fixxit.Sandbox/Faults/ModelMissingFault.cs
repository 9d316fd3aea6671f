using System.Text.Json.Nodes;

namespace Fixxit.Sandbox.Faults;

/// <summary>
/// Prod offers no model: its database's persisted config has the OpenAI-compatible connection switched off
/// (<c>openai.enable</c> = false, what a copied dev database carries when someone turned the connection off there).
/// Upstream then lists no model from it and refuses completions for it with "Model not found". Only that one value
/// is touched (and put back), so other changes to the config row stay as they are.
/// </summary>
public sealed class ModelMissingFault : ProdFault
{
    private const string Absent = "(absent)";

    public override string Name => "model-missing";

    public override string Changes => "prod's webui.db config row gets openai.enable = false (the connection serving the model is off; the previous value is kept in state)";

    public override string GateMustReport =>
        "\"Models load correctly\" fails: /api/models lists no model for users; the model selector offers none; a new chat gets no reply";

    public override Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        var previous = Change(context, _ => JsonValue.Create(false));
        return Task.FromResult(new ActiveFault { Name = Name, Undo = { ["openai.enable"] = previous } });
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        var previous = active.Undo.GetValueOrDefault("openai.enable") ?? Absent;
        Change(context, _ => previous == Absent ? null : JsonNode.Parse(previous));
        return Task.CompletedTask;
    }

    /// <summary>Sets (null: removes) <c>openai.enable</c> in the latest config row; returns its previous JSON or <see cref="Absent"/>.</summary>
    private static string Change(FaultContext context, Func<JsonNode?, JsonNode?> value) =>
        ProdDatabase.Change(context, command =>
        {
            var data = ProdDatabase.Column(command, "SELECT data FROM config ORDER BY id DESC LIMIT 1").FirstOrDefault()
                       ?? throw new SandboxException("prod's webui.db has no config row to change");
            var json = JsonNode.Parse(data)!.AsObject();
            if (json["openai"] is not JsonObject openai) json["openai"] = openai = [];
            var previous = openai.TryGetPropertyValue("enable", out var old) ? old?.ToJsonString() ?? "null" : Absent;
            var next = value(old);
            if (next is null) openai.Remove("enable");
            else openai["enable"] = next;
            ProdDatabase.Execute(command, "UPDATE config SET data = $d WHERE id = (SELECT max(id) FROM config)", ("$d", json.ToJsonString()));
            return previous;
        });
}
