using Fixxit.FileFormats.ShellScript;

namespace Fixxit.EnvConfig.Specs.ShellScript;

/// <summary>The plan's "sed the ports" step done precisely: only the digits change, anything ambiguous is refused.</summary>
public sealed class ShellScriptPortSpecs
{
    private static List<int> ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        b.Should().HaveSameCount(a);
        return Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).Select(i => i + 1).ToList();
    }

    [Test]
    public void The_fork_scripts_ports_are_read()
    {
        var script = StartServerScript.Parse(UglyStartScripts.Fork);
        script.GetPort(StartServerScript.BackendPortName).Should().Match<ShellPortAssignment>(p => p.Port == 8080 && p.Form == ShellPortForm.Literal && p.LineNumber == 5 && !p.IsOverridableByEnvironment);
        script.GetPort(StartServerScript.FrontendPortName).Port.Should().Be(5173);
    }

    [Test]
    public void Setting_prods_ports_changes_only_the_digits_of_two_lines_keeping_quotes_and_comments()
    {
        var script = StartServerScript.Parse(UglyStartScripts.Crlf(UglyStartScripts.Fork));
        script.SetPort(StartServerScript.BackendPortName, 8081).Should().Be(new ShellPortChange("start_server.sh", "BACKEND_PORT", 5, 8080, 8081));
        script.SetPort(StartServerScript.FrontendPortName, 5174).Changed.Should().BeTrue();
        var after = script.ToString();
        ChangedLines(UglyStartScripts.Crlf(UglyStartScripts.Fork), after).Should().Equal(5, 6);
        after.Split('\n')[4].Should().Be("BACKEND_PORT=8081          # uvicorn\r");
        after.Split('\n')[5].Should().Be("FRONTEND_PORT=\"5174\"       # vite dev server\r");
        script.GetPort("BACKEND_PORT").Port.Should().Be(8081);
    }

    [Test]
    public void Setting_the_current_port_changes_nothing()
    {
        var script = StartServerScript.Parse(UglyStartScripts.Fork);
        script.SetPort("BACKEND_PORT", 8080).Changed.Should().BeFalse();
        script.ToString().Should().Be(UglyStartScripts.Fork);
    }

    [TestCase("export BACKEND_PORT=8080\n", "export BACKEND_PORT=8081\n", TestName = "exported")]
    [TestCase("BACKEND_PORT='8080' # dev\n", "BACKEND_PORT='8081' # dev\n", TestName = "single-quoted with comment")]
    [TestCase("BACKEND_PORT=8080; FRONTEND_PORT=5173\n", "BACKEND_PORT=8081; FRONTEND_PORT=5173\n", TestName = "two on one line")]
    [TestCase("BACKEND_PORT=${BACKEND_PORT:-8080}\n", "BACKEND_PORT=${BACKEND_PORT:-8081}\n", TestName = "default form")]
    [TestCase("BACKEND_PORT=\"${PORT:=8080}\"\n", "BACKEND_PORT=\"${PORT:=8081}\"\n", TestName = "quoted default from another variable")]
    [TestCase("BACKEND_PORT=8080", "BACKEND_PORT=8081", TestName = "no final newline")]
    public void Each_written_form_keeps_its_shape(string text, string expected)
    {
        var script = StartServerScript.Parse(text);
        script.SetPort("BACKEND_PORT", 8081);
        script.ToString().Should().Be(expected);
    }

    [Test]
    public void A_default_form_port_is_reported_as_overridable_by_the_environment()
    {
        var port = StartServerScript.Parse("BACKEND_PORT=${PORT:-8080}\n").GetPort("BACKEND_PORT");
        port.Should().Match<ShellPortAssignment>(p => p.Port == 8080 && p.IsOverridableByEnvironment && p.OverridingVariable == "PORT");
        port.ToString().Should().Contain("unless PORT is set");
    }

    [TestCase("BACKEND_PORT=8080\nstart() {\n  BACKEND_PORT=8080\n}\n", new[] { 1, 3 }, "assigned 2 times (lines 1, 3)", TestName = "a second assignment in a function")]
    [TestCase("BACKEND_PORT=8080\n# prod\nBACKEND_PORT=8081\n", new[] { 1, 3 }, "assigned 2 times (lines 1, 3)", TestName = "two top-level assignments")]
    [TestCase("BACKEND_PORT=8080\nBACKEND_PORT=9000 ./run.sh\n", new[] { 1, 2 }, "assigned 2 times", TestName = "a command-prefix override")]
    [TestCase("if [ x ]; then\n  BACKEND_PORT=8080\nfi\n", new[] { 2 }, "only assigned inside a block", TestName = "only inside an if")]
    [TestCase("run() { BACKEND_PORT=8080; }\n", new[] { 1 }, "only assigned inside a function", TestName = "only inside a function")]
    [TestCase("FRONTEND_PORT=5173\n", new int[0], "never assigned", TestName = "not assigned at all")]
    [TestCase("BACKEND_PORT=$((8000 + 80))\n", new[] { 1 }, "not a port number", TestName = "computed")]
    [TestCase("BACKEND_PORT=$PORT\n", new[] { 1 }, "not a port number", TestName = "another variable")]
    [TestCase("BACKEND_PORT=80800\n", new[] { 1 }, "not a TCP port", TestName = "out of range")]
    public void Ambiguous_or_computed_ports_are_refused_naming_the_lines_and_nothing_changes(string text, int[] lines, string reason)
    {
        var script = StartServerScript.Parse(text, "prod/start_server.sh");
        var error = FluentActions.Invoking(() => script.SetPort("BACKEND_PORT", 8081)).Should().Throw<InvalidOperationException>().Which;
        error.Message.Should().Contain(reason);
        if (error is ShellScriptEditException edit)
        {
            edit.LineNumbers.Should().Equal(lines);
            edit.Message.Should().StartWith("prod/start_server.sh: ");
        }

        script.ToString().Should().Be(text);
    }

    [TestCase(0)]
    [TestCase(65536)]
    public void A_port_outside_tcp_range_is_refused(int port) =>
        FluentActions.Invoking(() => StartServerScript.Parse("BACKEND_PORT=8080\n").SetPort("BACKEND_PORT", port)).Should().Throw<ArgumentOutOfRangeException>();

    [Test]
    public void Hard_coded_copies_of_the_old_port_are_found_outside_comments()
    {
        var script = StartServerScript.Parse(
            "BACKEND_PORT=8080 # was 8080\n" +
            "# dev listens on 8080\n" +
            "uvicorn app --port 8080 &\n" +
            "curl http://localhost:18080/ http://localhost:8080/health\n" +
            "echo 80800\n");
        script.SetPort("BACKEND_PORT", 8081);
        script.LinesMentioningPort(8080).Should().Equal(3, 4);
        script.LinesMentioningPort(8081).Should().BeEmpty("the assignment itself does not count");
    }

    [TestCase("BACKEND_PORT=8080\nstart() {\n  BACKEND_PORT=\"$BACKEND_PORT\" ./run.sh\n}\n")]
    [TestCase("BACKEND_PORT=8080\nBACKEND_PORT=${BACKEND_PORT} ./run.sh\n")]
    public void A_prefix_that_passes_the_variable_through_is_not_a_second_assignment(string text)
    {
        var script = StartServerScript.Parse(text);

        script.SetPort(StartServerScript.BackendPortName, 8081).LineNumber.Should().Be(1);
        script.ToString().Should().Be(text.Replace("BACKEND_PORT=8080\n", "BACKEND_PORT=8081\n"));
    }
}
