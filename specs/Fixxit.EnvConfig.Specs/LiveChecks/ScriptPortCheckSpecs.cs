using Fixxit.EnvConfig.Specs.ShellScript;
using Fixxit.EnvConfig.Validation;
using Fixxit.FileFormats.ShellScript;
using Fixxit.LiveChecks;
using Fixxit.Topologies;

namespace Fixxit.EnvConfig.Specs.LiveChecks;

/// <summary>The deployed start_server.sh must not keep dev's ports (FIX001) and must match the proxy (FIX005).</summary>
public sealed class ScriptPortCheckSpecs
{
    private static IReadOnlyList<ConfigProblem> CheckProd(string script) => ScriptPortCheck.Check(FixxitTopology.Real, FixxitTopology.Prod, script);

    private static string ProdScript()
    {
        var script = StartServerScript.Parse(UglyStartScripts.Fork);
        script.SetPort("BACKEND_PORT", 8081);
        script.SetPort("FRONTEND_PORT", 5174);
        return script.ToString();
    }

    [Test]
    public void A_correctly_edited_prod_script_is_clean() => CheckProd(ProdScript()).Should().BeEmpty();

    [Test]
    public void The_dev_script_is_clean_for_dev() =>
        ScriptPortCheck.Check(FixxitTopology.Real, FixxitTopology.Dev, UglyStartScripts.Fork).Should().BeEmpty();

    [Test]
    public void A_copied_dev_script_with_the_ports_not_updated_is_a_collision_and_a_proxy_mismatch()
    {
        var problems = CheckProd(UglyStartScripts.Fork);
        problems.Select(p => (p.Id, p.Setting)).Should().BeEquivalentTo(new[]
        {
            ("FIX001", "BACKEND_PORT"), ("FIX001", "FRONTEND_PORT"), ("FIX005", "BACKEND_PORT"),
        });
        problems.First(p => p.Setting == "FRONTEND_PORT").Message.Should().Contain("start_server.sh:6").And.Contain("dev's frontend port").And.Contain("5174");
    }

    [Test]
    public void Forgetting_only_the_frontend_port_is_caught()
    {
        var script = StartServerScript.Parse(UglyStartScripts.Fork);
        script.SetPort("BACKEND_PORT", 8081);
        CheckProd(script.ToString()).Should().ContainSingle().Which.Should().Match<ConfigProblem>(p => p.Id == "FIX001" && p.Setting == "FRONTEND_PORT");
    }

    [Test]
    public void A_backend_port_the_proxy_does_not_use_is_fix005()
    {
        var script = StartServerScript.Parse(ProdScript());
        script.SetPort("BACKEND_PORT", 8082);
        CheckProd(script.ToString()).Should().ContainSingle().Which.Should().Match<ConfigProblem>(p => p.Id == "FIX005" && p.Message.Contains("app.fixxit.ai"));
    }

    [Test]
    public void A_hard_coded_dev_port_left_in_a_command_is_reported_with_its_line()
    {
        var script = ProdScript().Replace("--port $FRONTEND_PORT", "--port 5173", StringComparison.Ordinal);
        var problem = CheckProd(script).Should().ContainSingle().Subject;
        problem.Should().Match<ConfigProblem>(p => p.Id == "FIX001" && p.Setting == "start_server.sh");
        problem.Message.Should().Contain("line 21").And.Contain("dev's frontend port 5173");
    }

    [Test]
    public void An_ambiguous_script_is_refused_rather_than_guessed() =>
        FluentActions.Invoking(() => CheckProd("BACKEND_PORT=8081\nFRONTEND_PORT=5174\nBACKEND_PORT=8080\n"))
            .Should().Throw<ShellScriptEditException>().Which.LineNumbers.Should().Equal(1, 3);
}
