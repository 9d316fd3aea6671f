using Fixxit.Provisioning.Host;

namespace Fixxit.Provisioning.Specs.Unit;

/// <summary>One round trip, many commands: each command's exit code, stdout and stderr come back exactly as it wrote them.</summary>
public sealed class HostBatchSpecs
{
    private const string Nonce = "0123abcd";

    [Test]
    public void Outputs_exit_codes_and_stderr_are_separated_exactly()
    {
        var output = "ok\n\n@@0123abcd 0 0\nno newline at the end\n@@0123abcd 1 3\nsqlite: locked\n\n@@0123abcd 1 err\n\n@@0123abcd 2 0\n";

        var results = HostBatch.Parse(output, Nonce, ["quick", "json", "empty"]);

        results["quick"].Should().Be(new Fixxit.Remote.CommandResult(0, "ok\n", string.Empty));
        results["json"].Should().Be(new Fixxit.Remote.CommandResult(3, "no newline at the end", "sqlite: locked\n"));
        results["empty"].Should().Be(new Fixxit.Remote.CommandResult(0, string.Empty, string.Empty));
    }

    [Test]
    public void A_marker_with_another_nonce_is_just_output()
    {
        var results = HostBatch.Parse("\n@@ffff 0 0\n\n@@0123abcd 0 0\n", Nonce, ["cat"]);

        results["cat"].StdOut.Should().Be("\n@@ffff 0 0\n");
    }
}
