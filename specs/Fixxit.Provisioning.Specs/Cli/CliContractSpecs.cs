using Fixxit.Provisioning.Specs.Support;

namespace Fixxit.Provisioning.Specs.Cli;

/// <summary>What scripts rely on from the real <c>fixxit</c> process: errors on stderr with their exit code, a version.</summary>
public sealed class CliContractSpecs
{
    [Test]
    public async Task An_error_goes_to_stderr_with_its_exit_code_and_under_json_stdout_is_only_the_envelope()
    {
        var (code, stdout, stderr) = await CliProcess.RunSeparatelyAsync("apply", "prod", "--topology", "no-such-topology", "--json");

        code.Should().Be(2);
        stderr.Should().Contain("error:").And.Contain("unknown topology 'no-such-topology'");
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("ok").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString().Should().Contain("unknown topology 'no-such-topology'");
    }

    [Test]
    public async Task Without_json_an_error_leaves_stdout_empty()
    {
        var (code, stdout, stderr) = await CliProcess.RunSeparatelyAsync("apply", "prod", "--topology", "no-such-topology");

        code.Should().Be(2);
        stdout.Should().BeEmpty("a script reading stdout must never read an error as data");
        stderr.Should().Contain("error:").And.Contain("unknown topology 'no-such-topology'");
    }

    [Test]
    public async Task Version_prints_the_cli_version_and_exits_zero()
    {
        var (code, stdout, _) = await CliProcess.RunSeparatelyAsync("--version");

        code.Should().Be(0);
        stdout.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Test]
    public async Task A_misspelled_option_is_a_usage_error_naming_it_and_the_option_meant()
    {
        var (code, stdout, stderr) = await CliProcess.RunSeparatelyAsync("validate", "--topolgy", "fixxit");

        code.Should().Be(2, "an unknown option is never silently ignored");
        stdout.Should().BeEmpty("validate did not run");
        stderr.Should().Contain("unknown option --topolgy").And.Contain("did you mean --topology?");
    }

    [Test]
    public async Task An_unknown_option_far_from_any_real_one_is_named_without_a_guess()
    {
        var (code, _, stderr) = await CliProcess.RunSeparatelyAsync("apply", "prod", "--frobnicate");

        code.Should().Be(2);
        stderr.Should().Contain("unknown option --frobnicate for 'fixxit apply'").And.NotContain("did you mean");
    }

    /// <summary>Without a terminal (the spec's CLI has its stdio redirected) and without --yes: refused before anything is contacted.</summary>
    [TestCase("restore", "prod", "--from", "webui-x.db")]
    [TestCase("apply", "prod", "--reseed-db")]
    [TestCase("apply", "prod", "--topology", "fixxit")]
    [TestCase("rollback", "prod", "--topology", "fixxit")]
    [TestCase("restore", "prod", "--from", "webui-x.db", "--topology", "fixxit")]
    [TestCase("lock", "release", "prod", "--force", "--topology", "fixxit")]
    public async Task A_destructive_run_without_yes_and_without_a_terminal_is_refused_naming_yes(params string[] args)
    {
        // A root with no sandbox, and no FIXXIT_* variables: had the verb gone on, it would have failed on those instead.
        var (code, stdout, stderr) = await CliProcess.RunSeparatelyAsync([.. args, "--root", Path.Combine(Path.GetTempPath(), "fixxit-no-sandbox-here"), "--json"]);

        code.Should().Be(2);
        stderr.Should().Contain("there is no terminal to ask: pass --yes to confirm");
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString().Should().Be("ConfirmationRequired");
    }

    [Test]
    public async Task With_yes_the_destructive_verb_goes_on_to_its_own_checks()
    {
        var (code, _, stderr) = await CliProcess.RunSeparatelyAsync("restore", "prod", "--from", "webui-x.db", "--yes", "--root", Path.Combine(Path.GetTempPath(), "fixxit-no-sandbox-here"));

        code.Should().Be(2);
        stderr.Should().Contain("no sandbox at").And.NotContain("--yes");
    }
}
