using Fixxit.Rehearsal.Host;

namespace Fixxit.Rehearsal.Specs.Host;

/// <summary>ec2-user is added at an id nobody has (the first match wins for uid lookups), key-only, never shadowing an account.</summary>
public sealed class ReplicaAccountsSpecs
{
    private const string Passwd = "root:x:0:0:root:/root:/bin/bash\nnode:x:1000:1000::/home/node:/bin/bash\nx:x:1001:1001::/home/x:/bin/sh\n";
    private const string Group = "root:x:0:\nnode:x:1000:\nx:x:1001:\n";
    private const string Shadow = "root:*:19000:0:99999:7:::\n";

    [Test]
    public void The_login_user_gets_the_first_free_uid_and_a_matching_group()
    {
        var result = ReplicaAccounts.Add("ec2-user", "/home/ec2-user", Passwd, Group, Shadow);

        result.UserId.Should().Be(1002);
        result.GroupId.Should().Be(1002);
        result.Passwd.Should().StartWith(Passwd).And.EndWith("ec2-user:x:1002:1002:Fixxit rehearsal login user:/home/ec2-user:/bin/bash\n");
        result.Group.Should().EndWith("ec2-user:x:1002:\n");
        // '*' = no password, not locked ('!'): sshd refuses locked accounts even for keys.
        result.Shadow.Should().EndWith("ec2-user:*:19000:0:99999:7:::\n");
    }

    [Test]
    public void An_existing_account_of_that_name_is_never_shadowed()
    {
        var act = () => ReplicaAccounts.Add("node", "/home/node", Passwd, Group, Shadow);

        act.Should().Throw<RehearsalException>().WithMessage("*already has an account 'node'*");
    }
}
