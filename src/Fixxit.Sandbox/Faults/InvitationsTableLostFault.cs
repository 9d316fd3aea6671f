namespace Fixxit.Sandbox.Faults;

/// <summary>
/// A migration lost the fork's invitations: prod's database no longer has an <c>invitation</c> table (an upstream
/// migration that rebuilds the schema knows nothing of the fork's table). The rows are kept aside under another table
/// name so that <c>off</c> puts them back exactly.
/// </summary>
public sealed class InvitationsTableLostFault : ProdFault
{
    public const string Table = "invitation";

    public const string KeptAside = "fixxit_fault_lost_invitation";

    public override string Name => "invitations-table-lost";

    public override string Changes => $"prod's webui.db loses its {Table} table (renamed to {KeptAside}, as good as dropped for the app)";

    public override string GateMustReport => "every invitation scenario fails: creating, listing, opening, revoking or deleting an invitation errors on prod";

    public override Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ProdDatabase.Change(context, command => ProdDatabase.Execute(command, $"ALTER TABLE \"{Table}\" RENAME TO \"{KeptAside}\""));
        return Task.FromResult(new ActiveFault { Name = Name });
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ProdDatabase.Change(context, command =>
        {
            // A table the app created again meanwhile holds nothing of the original rows.
            ProdDatabase.Execute(command, $"DROP TABLE IF EXISTS \"{Table}\"");
            return ProdDatabase.Execute(command, $"ALTER TABLE \"{KeptAside}\" RENAME TO \"{Table}\"");
        });
        return Task.CompletedTask;
    }
}
