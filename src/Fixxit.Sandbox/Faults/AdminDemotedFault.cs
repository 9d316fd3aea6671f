namespace Fixxit.Sandbox.Faults;

/// <summary>The admin lost the admin role: the seeded admin's row in prod's <c>user</c> table has the role <c>user</c>.</summary>
public sealed class AdminDemotedFault : ProdFault
{
    public override string Name => "admin-demoted";

    public override string Changes => "the seeded admin's row in prod's user table gets role = 'user'";

    public override string GateMustReport =>
        "\"Admin dashboard loads\" fails: the admin's own account is listed (or refused) without the role admin; every admin page and admin API call is refused";

    public override Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        var email = SeededAccount.Email(context, "admin");
        var changed = ProdDatabase.Change(context, command => ProdDatabase.Execute(command, "UPDATE user SET role = 'user' WHERE lower(email) = lower($e) AND role = 'admin'", ("$e", email)));
        if (changed != 1) throw new SandboxException($"prod's webui.db has no admin {email} to demote");
        return Task.FromResult(new ActiveFault { Name = Name, Undo = { ["email"] = email } });
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        ProdDatabase.Change(context, command => ProdDatabase.Execute(command, "UPDATE user SET role = 'admin' WHERE lower(email) = lower($e)", ("$e", active.Undo["email"])));
        return Task.CompletedTask;
    }
}
