using Fixxit.EnvConfig;
using Fixxit.Sandbox.Environments;
using Fixxit.Sandbox.Processes;
using Fixxit.Sandbox.Proxy;
using Fixxit.Sandbox.Tree;
using Fixxit.FileFormats.DotEnv;
using Fixxit.FileFormats.ShellScript;
using Fixxit.OpenWebUi.Database;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Specs.Sandbox;

/// <summary>
/// A correct prod made from dev the way the plan intends (rsync with the exclusions, both ports changed, prod URLs,
/// an online-backup copy of the DB with prod's URL persisted, full npm install), so prod faults can be observed
/// without the provisioning engine. Specs only: `fixxit apply prod` is the product's way.
/// </summary>
internal static class MinimalProd
{
    public static async Task CreateAsync(SandboxLayout layout, SandboxInfo info)
    {
        var dev = info.Dev;
        var prod = info.Prod;
        var env = TreeEnvironment.For(layout);
        Directory.CreateDirectory(prod.Directory);
        await ProcessRunner.RunCheckedAsync("rsync", ["-a", .. dev.CopyExclusions.Select(x => $"--exclude={x}"), dev.Directory + "/", prod.Directory + "/"]);

        var script = StartServerScript.Load(prod.PathOf(prod.Commands.Script));
        script.SetPort(StartServerScript.BackendPortName, prod.BackendPort);
        script.SetPort(StartServerScript.FrontendPortName, prod.FrontendPort);
        script.Save(prod.PathOf(prod.Commands.Script));
        var settings = DotEnvDocument.Load(DotEnv(prod));
        settings.Set("WEBUI_URL", prod.PublicUrl);
        settings.Set("FRONTEND_BASE_URL", prod.PublicUrl);
        settings.Save(DotEnv(prod));

        var prodDb = prod.PathOf(prod.Database.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(prodDb)!);
        using (var source = new SqliteConnection($"Data Source={dev.PathOf(dev.Database.Path)};Mode=ReadOnly;Pooling=False"))
        using (var target = new SqliteConnection($"Data Source={prodDb};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        using (var database = OpenWebUiDatabase.OpenWritable(prodDb)) database.SetPersistedWebuiUrl(prod.PublicUrl);
        await ProcessRunner.RunCheckedAsync("npm", ["install", "--offline", "--no-audit", "--no-fund"], prod.Directory, env);
        await EnvironmentControl.RunCheckedAsync(layout, prod, "start");
        await SandboxCaddy.ReloadAsync(layout, info.Host.Proxy, force: true);
    }

    public static string DotEnv(AppEnvironment env) => env.PathOf(env.DotEnvFile);

    public static string Script(AppEnvironment env) => env.PathOf(env.Commands.Script);
}
