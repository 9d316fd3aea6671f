using System.Text.Json;
using Fixxit.OpenWebUi.Database;
using Fixxit.Provisioning.Specs.Support;

namespace Fixxit.Provisioning.Specs.Sandbox;

/// <summary>
/// The `fixxit apply` process is killed (SIGKILL) mid-copy and mid-database-step; a following apply converges to the
/// full, verified prod with nothing lost: dev untouched, no half-written database, the dead run's lock recognised as stale.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CrashSpecs : ProvisioningSandbox
{
    private async Task KillCliAtAsync(string checkpoint)
    {
        using var cli = CliProcess.Start(["apply", "prod", "--root", Root], holdAt: checkpoint);
        (await cli.WaitHeldAsync(TimeSpan.FromSeconds(90))).Should().Be(checkpoint);
        await cli.KillAsync();
    }

    [Test]
    [Order(1)]
    public async Task Killed_after_the_tree_copy_leaves_no_config_no_database_and_a_stale_lock()
    {
        await KillCliAtAsync("sync:copied");

        File.Exists(Prod.PathOf("package.json")).Should().BeTrue("the copy had finished");
        File.Exists(Prod.PathOf("start_server.sh")).Should().BeFalse("the run died before rendering the config");
        File.Exists(ProdDb).Should().BeFalse();
        Directory.Exists(Releases + "/deploy.lock").Should().BeTrue("a killed run cannot release its lock");
    }

    [Test]
    [Order(2)]
    public async Task Killed_mid_database_step_leaves_only_a_staging_file_never_a_half_database()
    {
        await KillCliAtAsync("database:staged");

        File.Exists(ProdDb).Should().BeFalse("the database is renamed into place only after every check passed");
        Directory.GetFiles(Path.GetDirectoryName(ProdDb)!, ".fixxit-*").Should().NotBeEmpty("the online copy was staged under a temporary name");
        File.Exists(Prod.PathOf("start_server.sh")).Should().BeTrue("this run rendered the config before the database step");
    }

    [Test]
    [Order(3)]
    public async Task The_next_apply_converges_to_a_verified_prod_with_nothing_lost()
    {
        var result = await ApplyAsync();

        result.Succeeded.Should().BeTrue(Show(result));
        Step(result, "preflight").Details.Should().Contain(d => d.Contains("broke a stale deploy lock", StringComparison.Ordinal));
        Step(result, "database").Status.Should().Be(StepStatus.Changed);
        (await GetThroughCaddyAsync("/health")).Should().Be(200);
        Directory.GetFiles(Path.GetDirectoryName(ProdDb)!, ".fixxit-*").Should().BeEmpty("staging leftovers are cleared");
        using (var prod = OpenWebUiDatabase.OpenReadOnly(ProdDb))
        using (var dev = OpenWebUiDatabase.OpenReadOnly(DevDb))
        {
            prod.CheckIntegrity().IsOk.Should().BeTrue();
            prod.Counts().Should().Be(dev.Counts());
            prod.ReadConfig()!.WebuiUrl.Should().Be(Prod.PublicUrl);
        }

        var again = await ApplyAsync();
        again.Steps.Should().OnlyContain(s => s.Status == StepStatus.Unchanged, Show(again));
    }

    [Test]
    [Order(4)]
    public async Task The_cli_prints_json_and_exits_with_the_documented_codes()
    {
        var (ok, json, stderr) = await CliProcess.RunSeparatelyAsync("apply", "prod", "--root", Root, "--json");
        ok.Should().Be(0, json + stderr);
        using var envelope = System.Text.Json.JsonDocument.Parse(json);
        envelope.RootElement.GetProperty("ok").GetBoolean().Should().BeTrue();
        var result = envelope.RootElement.GetProperty("data").Deserialize<ProvisionResult>(ProvisionResult.JsonOptions)!;
        result.Steps.Should().OnlyContain(s => s.Status == StepStatus.Unchanged);

        (await CliProcess.RunAsync("rollback", "prod", "--root", Root, "--to", "no-such-release")).ExitCode.Should().Be(2);
        (await CliProcess.RunAsync("restore", "prod", "--root", Root)).ExitCode.Should().Be(2, "--from is required");
        (await CliProcess.RunAsync("apply", "prod", "--root", Path.Combine(Root, "no-sandbox-here"))).ExitCode.Should().Be(2);

        var lockDir = Releases + "/deploy.lock";
        Directory.CreateDirectory(lockDir);
        File.WriteAllText(lockDir + "/holder.json", new Releases.LockHolder { RunId = "live", Operation = "apply", Actor = "spec", Machine = Environment.MachineName, Pid = Environment.ProcessId, Since = DateTimeOffset.UtcNow }.ToJson());
        try
        {
            var (locked, output) = await CliProcess.RunAsync("apply", "prod", "--root", Root);
            locked.Should().Be(5, output);
            output.Should().Contain("held by");
        }
        finally
        {
            Directory.Delete(lockDir, recursive: true);
        }
    }
}
