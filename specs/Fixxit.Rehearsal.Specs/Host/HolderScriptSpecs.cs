using Fixxit.Rehearsal.Host;

namespace Fixxit.Rehearsal.Specs.Host;

/// <summary>
/// A checkout in <c>/tmp</c> (a CI clone) or under <c>/home</c> must stay reachable inside the replica, whose own
/// <c>/tmp</c> and <c>/home</c> replace the machine's: the holder binds it at its own path inside the replacement
/// first. Without that, every mount after <c>/tmp</c> failed ("special device … does not exist").
/// </summary>
public sealed class HolderScriptSpecs
{
    [Test]
    public void A_root_and_repository_under_tmp_keep_their_paths_inside()
    {
        var layout = new RehearsalLayout("/tmp/clone/.rehearsal");

        var script = HolderScript.Render(layout, ["/tmp/clone", "/tmp/clone/src/Fixxit.Cli/bin/Debug/net10.0/"]).Split('\n');

        var keep = Array.IndexOf(script, "mount --bind /tmp/clone /tmp/clone/.rehearsal/host/tmp/clone");
        var tmp = Array.IndexOf(script, "mount --rbind /tmp/clone/.rehearsal/host/tmp /tmp");
        keep.Should().BeGreaterThan(0, string.Join('\n', script));
        script[keep - 1].Should().Be("mkdir -p /tmp/clone/.rehearsal/host/tmp/clone");
        tmp.Should().BeGreaterThan(keep, "the checkout is bound into the replica's /tmp before that replaces the machine's");
        script.Should().ContainSingle(l => l.StartsWith("mount --bind /tmp/clone ", StringComparison.Ordinal), "folders inside the repository come along with it");
        script.Should().Contain("mount --bind /tmp/clone/.rehearsal/host/home /home", "/home holds nothing to keep here: a plain bind");
    }

    [Test]
    public void A_checkout_outside_the_replaced_folders_changes_nothing()
    {
        var layout = new RehearsalLayout("/work/repo/.rehearsal");

        var script = HolderScript.Render(layout, ["/work/repo"]);

        script.Should().NotContain("--rbind").And.NotContain("mkdir -p");
        script.Should().Contain("mount --bind /work/repo/.rehearsal/host/tmp /tmp");
    }
}
