using Fixxit.Provisioning.Host;

namespace Fixxit.Provisioning.Specs.Unit;

/// <summary>
/// Preflight's port holders come from the one <c>ss</c> reader plus the process lines the same command prints: a port held
/// on IPv4 and IPv6 by one process is one holder, a port with no visible process is a null-pid holder, other ports are
/// ignored, and a process line that is missing leaves the cwd unknown (so it counts as foreign).
/// </summary>
public sealed class PortHoldersSpecs
{
    private const string Output =
        "LISTEN 0 511 127.0.0.1:18081 0.0.0.0:* users:((\"python3\",pid=4100,fd=7))\n" +
        "LISTEN 0 511 [::1]:18081 [::]:* users:((\"python3\",pid=4100,fd=8))\n" +
        "LISTEN 0 511 127.0.0.1:15174 0.0.0.0:*\n" +
        "LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:((\"sshd\",pid=77,fd=3))\n" +
        "LISTEN 0 511 127.0.0.1:9999 0.0.0.0:* users:((\"node\",pid=5200,fd=20))\n" +
        "--fixxit-port-holders--\n" +
        "4100|/home/ec2-user/fixxit.ai-openwebui-prod/backend|python3 -m open_webui serve \n" +
        "77|/|/usr/sbin/sshd -D \n";

    [Test]
    public void Holders_of_the_asked_ports_only_with_their_working_directories()
    {
        var holders = PortHolders.Parse(Output, [18081, 15174, 9999]);

        holders.Should().BeEquivalentTo(new[]
        {
            new PortHolders.Holder(18081, 4100, "/home/ec2-user/fixxit.ai-openwebui-prod/backend", "python3 -m open_webui serve "),
            new PortHolders.Holder(15174, null, null, string.Empty),
            new PortHolders.Holder(9999, 5200, null, string.Empty),
        });
        holders[0].RunsIn("/home/ec2-user/fixxit.ai-openwebui-prod").Should().BeTrue();
        holders[2].RunsIn("/home/ec2-user/fixxit.ai-openwebui-prod").Should().BeFalse("a process whose cwd is unknown is not proven to be prod's");
    }

    [Test]
    public void Free_ports_have_no_holder()
    {
        PortHolders.Parse(Output, [18080, 15173]).Should().BeEmpty();
    }
}
