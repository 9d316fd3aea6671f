using Fixxit.EnvConfig;

namespace Fixxit.Sandbox.Faults;

/// <summary>Prod's two definitions of the key disagree: backend/.env has a new key, start_server.sh still exports the right one.</summary>
public sealed class SplitKeyFault : ProdFault
{
    public override string Name => "split-key";

    public override string Changes => "prod's backend/.env gets a new DATABASE_PASSWORD_ENCRYPTION_KEY while start_server.sh keeps exporting the original; prod restarts";

    public override string GateMustReport =>
        "FIX002 (one environment defines the key in two places differently: backend/.env vs start_server.sh); Logs page fails on some requests and not others (\"Logs display consistently\" fails), \"Failed to decrypt password\" in the backend log";

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var active = new ActiveFault { Name = Name };
        context.SaveFile(active, DotEnvPath(context.Prod));
        await SetAssignmentAsync(DotEnvPath(context.Prod), EnvironmentSecrets.EncryptionKeyName, NewKey(), cancellationToken).ConfigureAwait(false);
        await context.RestartProdAsync(mustSucceed: true, cancellationToken).ConfigureAwait(false);
        return active;
    }

    public override Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken) =>
        RestoreAndRestartAsync(context, active, cancellationToken);
}
