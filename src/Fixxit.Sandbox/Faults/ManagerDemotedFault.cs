namespace Fixxit.Sandbox.Faults;

/// <summary>The manager lost the fork's manager role: the seeded manager's row in prod's <c>user</c> table has the role <c>user</c>.</summary>
public sealed class ManagerDemotedFault : ProdFault
{
    public override string Name => "manager-demoted";

    public override string Changes => "the seeded manager's row in prod's user table gets role = 'user'";

    public override string GateMustReport =>
        "\"Manager dashboard loads (for manager users)\" fails: the manager is refused the dashboard and their groups";

    public override Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        var email = SeededAccount.Email(context, "manager");
        var changed = ProdDatabase.Change(context, command => ProdDatabase.Execute(command, "UPDATE user SET role = 'user' WHERE lower(email) = lower($e) AND role = 'manager'", ("$e", email)));
        if (changed != 1) throw new SandboxException($"prod's webui.db has no manager {email} to demote");
        return Task.FromResult(new ActiveFault { Name = Name, Undo = { ["email"] = email } });
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        ProdDatabase.Change(context, command => ProdDatabase.Execute(command, "UPDATE user SET role = 'manager' WHERE lower(email) = lower($e)", ("$e", active.Undo["email"])));
        return Task.CompletedTask;
    }
}
