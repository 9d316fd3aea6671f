using System.Net;
using Fixxit.Cli.Commands;
using Fixxit.Cli.Commands.Provisioning;
using Fixxit.Remote.Targets;

namespace Fixxit.Rehearsal.Specs.Contract;

/// <summary>
/// The CLI's side of the settings contract (<c>--topology fixxit</c>): required variables named when missing, a
/// misspelled one named with the one meant, the address explicit or from DNS. The resolver is a stand-in that answers
/// 127.0.0.1 and records what was asked: no spec ever resolves a real name.
/// </summary>
public sealed class CliSettingsContractSpecs
{
    private readonly List<string> _asked = [];

    private IPAddress[] Dns(string name)
    {
        _asked.Add(name);
        return [IPAddress.Loopback];
    }

    private static Dictionary<string, string> Complete() => new()
    {
        [TargetVariables.SshKeyFile] = "/keys/ec2-user.pem",
        [TargetVariables.HostKeySha256] = "SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    };

    private Fixxit.Provisioning.ProvisionerOptions Resolve(Dictionary<string, string> environment) =>
        ProvisioningTarget.RealServer(n => environment.GetValueOrDefault(n), environment.Keys, Dns);

    [Test]
    public void Without_an_address_the_declared_name_is_resolved_by_dns()
    {
        var options = Resolve(Complete());

        _asked.Should().Equal("app.fixxit.ai");
        options.SshAddress.Should().Be("127.0.0.1");
        options.HostKeyFingerprint.Should().Be("SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
        options.PrivateKeyPath.Should().Be("/keys/ec2-user.pem");
    }

    [Test]
    public void An_explicit_address_is_used_and_dns_is_never_asked()
    {
        var environment = Complete();
        environment[TargetVariables.ServerAddress] = "127.0.0.2";

        Resolve(environment).SshAddress.Should().Be("127.0.0.2");
        _asked.Should().BeEmpty();
    }

    [TestCase(TargetVariables.SshKeyFile)]
    [TestCase(TargetVariables.HostKeySha256)]
    public void A_missing_required_variable_is_an_error_naming_it(string missing)
    {
        var environment = Complete();
        environment.Remove(missing);

        var act = () => Resolve(environment);

        act.Should().Throw<UserFacingException>().WithMessage($"*environment variable {missing} is not set*");
    }

    [Test]
    public void The_old_cli_name_of_the_host_key_pin_is_refused_naming_the_contract_name()
    {
        var environment = Complete();
        environment.Remove(TargetVariables.HostKeySha256);
        environment["FIXXIT_SSH_HOST_KEY"] = "SHA256:abc";

        var act = () => Resolve(environment);

        act.Should().Throw<UserFacingException>()
            .WithMessage("*FIXXIT_SSH_HOST_KEY is not a Fixxit target setting (did you mean FIXXIT_SSH_HOST_KEY_SHA256?)*");
    }

    [Test]
    public void A_misspelled_address_variable_is_refused_rather_than_silently_falling_back_to_dns()
    {
        var environment = Complete();
        environment["FIXXIT_SERVER_ADRESS"] = "127.0.0.2";

        var act = () => Resolve(environment);

        act.Should().Throw<UserFacingException>().WithMessage("*FIXXIT_SERVER_ADRESS*did you mean FIXXIT_SERVER_ADDRESS?*");
        _asked.Should().BeEmpty();
    }

    [Test]
    public void An_address_that_is_not_an_ip_address_is_an_error_naming_the_variable()
    {
        var environment = Complete();
        environment[TargetVariables.ServerAddress] = "app.fixxit.ai";

        var act = () => Resolve(environment);

        act.Should().Throw<UserFacingException>().WithMessage("*FIXXIT_SERVER_ADDRESS='app.fixxit.ai' is not an IP address*");
        _asked.Should().BeEmpty();
    }
}
