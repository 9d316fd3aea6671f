using Fixxit.EnvConfig;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Remote;
using Fixxit.Topologies;

namespace Fixxit.Sandbox.Specs.Remote;

public sealed class SshTargetSpecs
{
    [Test]
    public void A_host_without_a_pinned_fingerprint_is_refused()
    {
        var host = SandboxTopology.Create("/tmp/x", hostKeyFingerprint: null, "root").Hosts[0];

        var act = () => SshTarget.From(host);

        act.Should().Throw<ArgumentException>().WithMessage("*no HostKeyFingerprint*");
    }

    [Test]
    public void The_sandbox_host_becomes_a_loopback_target_with_its_key_file_and_normalized_pin()
    {
        var host = SandboxTopology.Create("/tmp/x", "SHA256:abcDEF123", "root", SandboxPorts.ForSlot(2)).Hosts[0];

        var target = SshTarget.From(host);

        target.Should().BeEquivalentTo(new { Host = "127.0.0.1", Port = SandboxPorts.ForSlot(2).Ssh, User = "root", PrivateKeyPath = "/tmp/x/ssh/client_ed25519", HostKeyFingerprint = "abcDEF123" });
    }

    [Test]
    public void A_key_path_from_an_unset_environment_variable_is_named()
    {
        var host = FixxitTopology.Server with { HostKeyFingerprint = "abc", IdentityFile = SecretRef.EnvironmentVariable("FIXXIT_SPEC_UNSET_KEY_VAR") };

        var act = () => SshTarget.From(host);

        act.Should().Throw<ArgumentException>().WithMessage("*FIXXIT_SPEC_UNSET_KEY_VAR*");
    }

    [TestCase("SHA256:abc=", "abc")]
    [TestCase("  abc  ", "abc")]
    [TestCase("sha256:abc", "abc")]
    public void Fingerprints_are_normalized(string input, string expected) => HostKeyPin.Normalize(input).Should().Be(expected);

    [Test]
    public void Fingerprints_compare_case_sensitively_because_base64_is() => HostKeyPin.Matches("abc", "ABC").Should().BeFalse();

    [TestCase("a b", "'a b'")]
    [TestCase("it's", "'it'\\''s'")]
    [TestCase("/home/ec2-user/x.sh", "/home/ec2-user/x.sh")]
    [TestCase("", "''")]
    public void ShellQuote_quotes_only_what_needs_it(string input, string expected) => ShellQuote.Quote(input).Should().Be(expected);
}
