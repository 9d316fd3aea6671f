using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.Masking;
using Fixxit.FileFormats.DotEnv;
using Fixxit.FileFormats.ShellScript;

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

    /// <summary>Sets one variable in prod's <c>backend/.env</c> or <c>start_server.sh</c> with that file's own editor.</summary>
    protected static Task SetAssignmentAsync(string path, string key, string value, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Path.GetFileName(path).EndsWith(".env", StringComparison.Ordinal))
        {
            var dotenv = DotEnvDocument.Load(path);
            dotenv.Set(key, value);
            dotenv.Save(path);
        }
        else
        {
            var script = StartServerScript.Load(path);
            script.SetValue(key, value);
            script.Save(path);
        }

        return Task.CompletedTask;
    }

    /// <summary>Restores the saved files, then restarts prod so the processes run with them again.</summary>
    protected static async Task RestoreAndRestartAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        FaultContext.RestoreFiles(active);
        await context.RestartProdAsync(mustSucceed: true, cancellationToken).ConfigureAwait(false);
    }
}
