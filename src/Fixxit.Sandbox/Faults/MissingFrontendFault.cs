namespace Fixxit.Sandbox.Faults;

/// <summary>Prod has no Vite: what <c>npm install --production</c> leaves behind (FIX008).</summary>
public sealed class MissingFrontendFault : ProdFault
{
    public override string Name => "missing-frontend";

    public override string Changes => "prod's node_modules/.bin/vite is moved aside (saved under <root>/faults); prod restarts and its frontend cannot start";

    public override string GateMustReport =>
        "FIX008 on the live tree (prod runs the Vite dev server but node_modules/.bin/vite is missing); `start_server.sh start` fails for the frontend and `status` shows \"frontend: stopped\"";

    public static string VitePath(SandboxInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info.Prod.PathOf("node_modules/.bin/vite");
    }

    public override async Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var vite = VitePath(context.Info);
        if (!File.Exists(vite) && new FileInfo(vite).LinkTarget is null)
        {
            throw new SandboxException($"fault {Name}: {vite} does not exist (was prod installed with `npm install`?)");
        }

        var folder = Path.Combine(context.Layout.Root, "faults", Name);
        Directory.CreateDirectory(folder);
        var saved = Path.Combine(folder, "vite");
        File.Move(vite, saved, overwrite: true);
        var active = new ActiveFault { Name = Name, SavedFiles = { [vite] = saved } };
        await context.RestartProdAsync(mustSucceed: false, cancellationToken).ConfigureAwait(false);
        return active;
    }

    public override async Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(active);
        foreach (var (original, saved) in active.SavedFiles) File.Move(saved, original, overwrite: true);
        await context.StartProdAsync(cancellationToken).ConfigureAwait(false);
    }
}
