using Fixxit.Provisioning.Specs.Support;

namespace Fixxit.Provisioning.Specs.Sandbox;

/// <summary>
/// Ctrl-C (SIGINT to the real <c>fixxit</c> process) mid-apply and mid-gate: exit 130, the deploy lock released, no
/// child process left behind, and an interrupted apply either rolled back to its snapshot or reported resumable —
/// the message says which.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class InterruptSpecs : ProvisioningSandbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private string Lock => Releases + "/deploy.lock";

    private async Task<(int ExitCode, string Output, IReadOnlyList<int> Children)> InterruptApplyAtAsync(string checkpoint)
    {
        using var cli = CliProcess.Start(["apply", "prod", "--root", Root], holdAt: checkpoint);
        (await cli.WaitHeldAsync(Patience)).Should().Be(checkpoint);
        Directory.Exists(Lock).Should().BeTrue("the run holds the lock while it works");
        var children = ProcessTree.DescendantsOf(cli.Pid);
        cli.Interrupt();
        var code = await cli.WaitForExitAsync(Patience);
        return (code, cli.Output, children);
    }

    [Test]
    [Order(1)]
    public async Task Interrupted_first_provisioning_is_reported_resumable_and_the_next_apply_converges()
    {
        var (code, output, children) = await InterruptApplyAtAsync("sync:copied");

        code.Should().Be(130, output);
        output.Should().Contain("interrupted").And.Contain("NOT rolled back").And.Contain("run the same command again to resume");
        Directory.Exists(Lock).Should().BeFalse("an interrupted run releases its lock");
        children.Where(ProcessTree.IsAlive).Should().BeEmpty("no child of the interrupted run is left");

        var next = await ApplyAsync();
        next.Succeeded.Should().BeTrue(Show(next));
        (await GetThroughCaddyAsync("/health")).Should().Be(200);
    }

    [Test]
    [Order(2)]
    public async Task Interrupted_apply_with_a_snapshot_is_rolled_back_to_it()
    {
        // A hand edit on prod that the next apply overwrites: the run snapshots prod (with the edit) before changing it.
        var edited = Prod.PathOf(".gitignore");
        await File.AppendAllTextAsync(edited, "# edited on the server by hand\n");
        var before = await File.ReadAllTextAsync(edited);

        var (code, output, children) = await InterruptApplyAtAsync("sync:copied");

        code.Should().Be(130, output);
        output.Should().Contain("interrupted").And.Contain("rolled back to the snapshot taken before the change");
        (await File.ReadAllTextAsync(edited)).Should().Be(before, "the rollback put back prod as it was before the run");
        Directory.Exists(Lock).Should().BeFalse("an interrupted run releases its lock");
        children.Where(ProcessTree.IsAlive).Should().BeEmpty();
        (await GetThroughCaddyAsync("/health")).Should().Be(200, "the rollback restarted prod and verified it");
    }

    [Test]
    [Order(3)]
    public async Task Interrupted_gate_ends_its_dotnet_test_tree()
    {
        using var cli = CliProcess.Start(["gate", "--root", Root, "--slot", Slot.ToString(System.Globalization.CultureInfo.InvariantCulture), "--skip-apply", "--filter", "Category=smoke"], holdAt: null);
        IReadOnlyList<int> tree = [];
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !tree.Any(p => ProcessTree.CommandLine(p).Contains("Fixxit.Checklist.Features", StringComparison.Ordinal)))
        {
            await Task.Delay(200);
            tree = ProcessTree.DescendantsOf(cli.Pid);
        }

        tree.Should().Contain(p => ProcessTree.CommandLine(p).Contains("Fixxit.Checklist.Features", StringComparison.Ordinal), "the gate's checklist run (dotnet test) was running: " + cli.Output);
        await Task.Delay(TimeSpan.FromSeconds(2)); // let dotnet test start its own children
        tree = ProcessTree.DescendantsOf(cli.Pid);
        cli.Interrupt();
        var code = await cli.WaitForExitAsync(Patience);

        code.Should().Be(130, cli.Output);
        cli.Output.Should().Contain("cancelled");
        tree.Where(ProcessTree.IsAlive).Select(p => $"{p}: {ProcessTree.CommandLine(p)}").Should().BeEmpty("cancelling the gate ends the whole dotnet test tree");
    }
}
