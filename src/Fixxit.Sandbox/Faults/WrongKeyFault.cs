using Fixxit.EnvConfig;

namespace Fixxit.Sandbox.Faults;

/// <summary>Prod runs with an encryption key other than the one that encrypted its copied database (the plan's "DO NOT change the encryption key").</summary>
public sealed class WrongKeyFault : ProdFault
{
    public override string Name => "wrong-key";

    public override string Changes => "prod's backend/.env and start_server.sh both get a new DATABASE_PASSWORD_ENCRYPTION_KEY (consistent with each other, different from dev's, which encrypted the copied DB); prod restarts";

    public override string GateMustReport =>
        "FIX002 (prod seeded from dev's DB with a different key: fingerprints differ); the Logs page fails and the backend log has \"Failed to decrypt password\"";

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var active = new ActiveFault { Name = Name };
        context.SaveFile(active, DotEnvPath(context.Prod));
        context.SaveFile(active, ScriptPath(context.Prod));
        var key = NewKey();
        await SetAssignmentAsync(DotEnvPath(context.Prod), EnvironmentSecrets.EncryptionKeyName, key, cancellationToken).ConfigureAwait(false);
        await SetAssignmentAsync(ScriptPath(context.Prod), EnvironmentSecrets.EncryptionKeyName, key, cancellationToken).ConfigureAwait(false);
        await context.RestartProdAsync(mustSucceed: true, cancellationToken).ConfigureAwait(false);
        return active;
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken) =>
        RestoreAndRestartAsync(context, active, cancellationToken);
}
