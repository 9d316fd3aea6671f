namespace Fixxit.Sandbox.Faults;

/// <summary>
/// The manager sees a group that is not theirs: prod's <c>group_manager</c> table gets a row making the seeded manager a
/// manager of a group outside their own (a bad permission row, e.g. carried over from dev's data).
/// </summary>
public sealed class ForeignGroupManagerFault : ProdFault
{
    public override string Name => "manager-sees-foreign-group";

    public override string Changes => "prod's webui.db gets a group_manager row linking the seeded manager to a group they do not manage";

    public override string GateMustReport =>
        "\"Managers can only see their groups\" fails naming the foreign group; the manager dashboard lists a group that is not the manager's";

    public override Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        var email = SeededAccount.Email(context, "manager");
        var (groupId, userId) = ProdDatabase.Change(context, command =>
        {
            var manager = ProdDatabase.Column(command, "SELECT id FROM user WHERE email = $e", ("$e", email)).FirstOrDefault()
                          ?? throw new SandboxException($"prod's webui.db has no user {email}");
            var foreign = ProdDatabase.Column(command,
                              "SELECT id FROM \"group\" WHERE id NOT IN (SELECT group_id FROM group_manager WHERE user_id = $u) ORDER BY name LIMIT 1", ("$u", manager))
                          .FirstOrDefault() ?? throw new SandboxException("prod's webui.db has no group the manager does not manage");
            ProdDatabase.Execute(command, "INSERT INTO group_manager (group_id, user_id, created_at) VALUES ($g, $u, $t)",
                ("$g", foreign), ("$u", manager), ("$t", DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
            return (foreign, manager);
        });
        return Task.FromResult(new ActiveFault { Name = Name, Undo = { ["group"] = groupId, ["user"] = userId } });
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        ProdDatabase.Change(context, command =>
            ProdDatabase.Execute(command, "DELETE FROM group_manager WHERE group_id = $g AND user_id = $u", ("$g", active.Undo["group"]), ("$u", active.Undo["user"])));
        return Task.CompletedTask;
    }
}
