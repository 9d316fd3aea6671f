using Fixxit.Provisioning.Files;

namespace Fixxit.Provisioning.Specs.Unit;

public sealed class ShellAssignmentsSpecs
{
    private const string Script = "#!/bin/bash\nBACKEND_PORT=8080 # dev\nexport FRONTEND_PORT=\"5173\"\n\nstart() {\n    BACKEND_PORT=\"$BACKEND_PORT\" vite --port \"$FRONTEND_PORT\"\n}\n";

    [Test]
    public void Set_changes_only_the_value_keeping_export_quotes_and_comment()
    {
        var text = ShellAssignments.Set(Script, "BACKEND_PORT", 8081, "start_server.sh");
        text = ShellAssignments.Set(text, "FRONTEND_PORT", 5174, "start_server.sh");

        text.Should().Be(Script.Replace("BACKEND_PORT=8080 # dev", "BACKEND_PORT=8081 # dev").Replace("FRONTEND_PORT=\"5173\"", "FRONTEND_PORT=\"5174\""));
    }

    [Test]
    public void A_prefix_assignment_on_a_command_line_is_not_the_scripts_variable()
    {
        var text = ShellAssignments.Set(Script, "BACKEND_PORT", 8081, "start_server.sh");

        text.Should().Contain("    BACKEND_PORT=\"$BACKEND_PORT\" vite", "the env prefix of a command is not an assignment of the variable");
    }

    [Test]
    public void A_script_without_the_assignment_is_refused_naming_file_and_variable()
    {
        var act = () => ShellAssignments.Set("#!/bin/bash\nuvicorn --port 8080\n", "BACKEND_PORT", 8081, "/srv/prod/start_server.sh");

        act.Should().Throw<ProvisioningException>().WithMessage("*/srv/prod/start_server.sh*BACKEND_PORT=*8081*");
    }

    [Test]
    public void Get_reads_the_last_assignment_unquoted()
    {
        ShellAssignments.Get(Script, "FRONTEND_PORT").Should().Be("5173");
        ShellAssignments.Get("A=1\nA='2'\n", "A").Should().Be("2");
        ShellAssignments.Get(Script, "MISSING").Should().BeNull();
    }

    [Test]
    public void Remove_drops_every_assignment_line_and_nothing_else()
    {
        var text = "X=1\nexport KEY=\"secret\"\necho $KEY\nKEY=other\n";

        ShellAssignments.Remove(text, "KEY").Should().Be("X=1\necho $KEY\n");
    }

    [Test]
    public void Stray_mentions_of_a_port_outside_the_variables_are_found_by_line()
    {
        var text = "BACKEND_PORT=8080\n# 8080 in a comment is fine\nuvicorn --port 8080\ncurl localhost:18080\n";

        ShellAssignments.StrayMentions(text, 8080, "BACKEND_PORT").Should().Equal(3);
    }
}
