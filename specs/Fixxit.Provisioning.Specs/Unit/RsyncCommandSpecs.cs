using Fixxit.Provisioning.Host;
using Fixxit.Topologies;

namespace Fixxit.Provisioning.Specs.Unit;

public sealed class RsyncCommandSpecs
{
    [Test]
    public void Changes_keeps_transfers_and_creations_and_drops_directory_time_only_lines()
    {
        var output = "cd+++++++++ backend/\n>f+++++++++ backend/app.py\n.d..t...... ./\n>f.st...... package.json\n*deleting   old.js\ncreated directory /x\n\n";

        RsyncCommand.Changes(output).Should().Equal("cd+++++++++ backend/", ">f+++++++++ backend/app.py", ">f.st...... package.json", "*deleting   old.js");
    }

    [Test]
    public void The_copy_honours_the_declared_exclusions_and_protects_what_other_steps_own()
    {
        var command = RsyncCommand.Sync(FixxitTopology.Dev, FixxitTopology.Prod, dryRun: true);

        command.Should().Contain("--dry-run").And.Contain("--itemize-changes").And.NotContain("--delete");
        foreach (var exclusion in FixxitTopology.Prod.CopyExclusions) command.Should().Contain(exclusion);
        command.Should().Contain("--exclude=/start_server.sh").And.Contain("--exclude=/backend/.env").And.Contain("--exclude=/backend/venv").And.Contain("--exclude=/backend/data/webui.db-wal");
        command.Should().EndWith("/home/ec2-user/fixxit.ai-openwebui/ /home/ec2-user/fixxit.ai-openwebui-prod/");
    }

    [Test]
    public void Restoring_a_release_deletes_what_the_release_does_not_have_but_never_the_live_data()
    {
        var command = RsyncCommand.Restore("/r/code", FixxitTopology.Prod, dryRun: false);

        command.Should().Contain("--delete").And.Contain("--exclude=/backend/data/webui.db").And.Contain("--exclude=node_modules").And.Contain("'--exclude=logs/*'");
    }
}
