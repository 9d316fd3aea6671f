namespace Fixxit.Sandbox.Faults;

/// <summary>
/// A user awaiting approval is let in: the seeded pending account's row in prod's <c>user</c> table has the role
/// <c>user</c> (an approval nobody gave, or a role column carried over wrongly).
/// </summary>
public sealed class PendingUserLetInFault : ProdFault
{
    public override string Name => "pending-user-let-in";

    public override string Changes => "the seeded pending account's row in prod's user table gets role = 'user'";

    public override string GateMustReport => "\"A pending user cannot use the app until approved\" fails: the pending account signs in and reads its chats";

    public override Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        var email = SeededAccount.Email(context, "pending");
        var changed = ProdDatabase.Change(context, command => ProdDatabase.Execute(command, "UPDATE user SET role = 'user' WHERE email = $e AND role = 'pending'", ("$e", email)));
        if (changed != 1) throw new SandboxException($"prod's webui.db has no pending user {email} to let in");
        return Task.FromResult(new ActiveFault { Name = Name, Undo = { ["email"] = email } });
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        ProdDatabase.Change(context, command => ProdDatabase.Execute(command, "UPDATE user SET role = 'pending' WHERE email = $e", ("$e", active.Undo["email"])));
        return Task.CompletedTask;
    }
}
