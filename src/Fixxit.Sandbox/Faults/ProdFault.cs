using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.Masking;
using Fixxit.Sandbox.Tree;

namespace Fixxit.Sandbox.Faults;

/// <summary>Shared moves of the faults that act on prod's files.</summary>
public abstract class ProdFault : ISandboxFault
{
    public abstract string Name { get; }

    public abstract string Changes { get; }

    public abstract string GateMustReport { get; }

    public virtual bool NeedsProd => true;

    public abstract Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken);

    public abstract Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken);

    protected static string DotEnvPath(AppEnvironment env) => env.PathOf(env.DotEnvFile);

    protected static string ScriptPath(AppEnvironment env) => env.PathOf(env.Commands.Script);

    /// <summary>A fresh Fernet key, registered with the masker before anything can print it.</summary>
    protected static string NewKey()
    {
        var key = FernetKey.Generate().ToCanonicalString();
        SecretMasker.Shared.Register(key, EnvironmentSecrets.EncryptionKeyName);
        return key;
    }

    protected static async Task SetAssignmentAsync(string path, string key, string value, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(path, Assignments.Set(text, key, value), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Restores the saved files, then restarts prod so the processes run with them again.</summary>
    protected static async Task RestoreAndRestartAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        FaultContext.RestoreFiles(active);
        await context.RestartProdAsync(mustSucceed: true, cancellationToken).ConfigureAwait(false);
    }
}
