using Fixxit.Provisioning.Specs.Support;

namespace Fixxit.Provisioning.Specs.Cli;

/// <summary>What scripts rely on from the real <c>fixxit</c> process: errors on stderr with their exit code, a version.</summary>
public sealed class CliContractSpecs
{
    [Test]
    public async Task An_error_goes_to_stderr_with_its_exit_code_and_nothing_reaches_stdout()
    {
        var (code, stdout, stderr) = await CliProcess.RunSeparatelyAsync("apply", "prod", "--topology", "no-such-topology", "--json");

        code.Should().Be(2);
        stdout.Should().BeEmpty("a script parsing --json output must never read an error as data");
        stderr.Should().Contain("error:").And.Contain("unknown topology 'no-such-topology'");
    }

    [Test]
    public async Task Version_prints_the_cli_version_and_exits_zero()
    {
        var (code, stdout, _) = await CliProcess.RunSeparatelyAsync("--version");

        code.Should().Be(0);
        stdout.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }
}
