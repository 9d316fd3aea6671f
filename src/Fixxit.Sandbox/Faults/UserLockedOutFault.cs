namespace Fixxit.Sandbox.Faults;

/// <summary>
/// An existing user can no longer sign in: the seeded user's row in prod's <c>auth</c> table is inactive
/// (<c>active</c> = 0; upstream's sign-in only matches active rows and answers with its generic refusal).
/// </summary>
public sealed class UserLockedOutFault : ProdFault
{
    public override string Name => "user-locked-out";

    public override string Changes => "the seeded user's row in prod's auth table gets active = 0";

    public override string GateMustReport => "\"Can login with existing user\" fails: the user's sign-in is refused on prod; every scenario signed in as the user fails";

    public override Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        var email = SeededAccount.Email(context, "user");
        var changed = ProdDatabase.Change(context, command => ProdDatabase.Execute(command, "UPDATE auth SET active = 0 WHERE lower(email) = lower($e) AND active = 1", ("$e", email)));
        if (changed != 1) throw new SandboxException($"prod's webui.db has no active sign-in for {email} to lock out");
        return Task.FromResult(new ActiveFault { Name = Name, Undo = { ["email"] = email } });
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        ProdDatabase.Change(context, command => ProdDatabase.Execute(command, "UPDATE auth SET active = 1 WHERE lower(email) = lower($e)", ("$e", active.Undo["email"])));
        return Task.CompletedTask;
    }
}
