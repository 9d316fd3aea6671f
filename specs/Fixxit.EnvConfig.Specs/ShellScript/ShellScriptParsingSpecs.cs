using Fixxit.FileFormats.ShellScript;

namespace Fixxit.EnvConfig.Specs.ShellScript;

/// <summary>Finding assignments with their scope and kind, and giving the text back untouched.</summary>
public sealed class ShellScriptParsingSpecs
{
    private static readonly StartServerScript Fork = StartServerScript.Parse(UglyStartScripts.Fork);

    private static ShellAssignment Only(StartServerScript script, string name) => script.AssignmentsOf(name).Should().ContainSingle().Subject;

    [TestCaseSource(typeof(UglyStartScripts), nameof(UglyStartScripts.RoundTripCases))]
    public void An_unchanged_script_is_the_input_byte_for_byte(string text) =>
        StartServerScript.Parse(text).ToString().Should().Be(text);

    [Test]
    public void Top_level_ports_are_found_with_their_lines_and_literal_values()
    {
        Only(Fork, "BACKEND_PORT").Should().Match<ShellAssignment>(a => a.LineNumber == 5 && a.Value == "8080" && a.Scope == ShellScope.TopLevel && a.Kind == ShellAssignmentKind.Plain);
        Only(Fork, "FRONTEND_PORT").Should().Match<ShellAssignment>(a => a.LineNumber == 6 && a.Value == "5173" && a.RawValue == "\"5173\"");
    }

    [Test]
    public void Exported_literal_and_computed_secrets_are_told_apart()
    {
        Only(Fork, "DATABASE_PASSWORD_ENCRYPTION_KEY").Should().Match<ShellAssignment>(a => a.Kind == ShellAssignmentKind.Export && a.Value == UglyStartScripts.TestKey && a.LineNumber == 8);
        Only(Fork, "WEBUI_SECRET_KEY").Should().Match<ShellAssignment>(a => a.Kind == ShellAssignmentKind.Export && a.Value == null && a.LineNumber == 9);
    }

    [Test]
    public void Scopes_inside_functions_and_command_prefixes_are_recognised()
    {
        Only(Fork, "pid_file").Should().Match<ShellAssignment>(a => a.Scope == ShellScope.Function && a.Kind == ShellAssignmentKind.Local);
        Only(Fork, "PORT").Should().Match<ShellAssignment>(a => a.Scope == ShellScope.Function && a.Kind == ShellAssignmentKind.CommandPrefix && a.Value == null && a.LineNumber == 15);
        Only(Fork, "SCRIPT_DIR").Scope.Should().Be(ShellScope.TopLevel);
    }

    [Test]
    public void Text_in_here_documents_comments_and_arguments_is_not_an_assignment()
    {
        Fork.AssignmentsOf("BACKEND_PORT").Should().ContainSingle("line 27 is inside a here-document");
        var script = StartServerScript.Parse("# BACKEND_PORT=1\necho BACKEND_PORT=2\ngrep -q 'BACKEND_PORT=3' f\ncat <<-'END'\n\tBACKEND_PORT=4\n\tEND\n");
        script.Assignments.Should().BeEmpty();
    }

    [Test]
    public void Every_assignment_in_the_fork_script_is_listed_in_order() =>
        Fork.Assignments.Select(a => a.Name).Should().Equal("SCRIPT_DIR", "BACKEND_PORT", "FRONTEND_PORT", "LOG_DIR", "DATABASE_PASSWORD_ENCRYPTION_KEY", "WEBUI_SECRET_KEY", "pid_file", "PORT");

    [Test]
    public void Sourced_files_are_listed()
    {
        Fork.SourcedFiles.Should().ContainSingle().Which.Should().Match<ShellSourcedFile>(s => s.LineNumber == 10 && s.Path == "\"$SCRIPT_DIR/backend/venv/bin/activate\"" && s.Scope == ShellScope.TopLevel);
        StartServerScript.Parse("if true; then\n  . ./backend/.env\nfi\n").SourcedFiles.Should().ContainSingle().Which.Should().Be(new ShellSourcedFile("./backend/.env", 2, ShellScope.Block));
    }

    [Test]
    public void Assignments_in_blocks_loops_and_subshells_are_block_scoped()
    {
        var script = StartServerScript.Parse(
            "if [ \"$ENV\" = prod ]; then BACKEND_PORT=8081; fi\n" +
            "while false; do A=1; done\n" +
            "( B=2 )\n" +
            "{ C=3; }\n" +
            "for x in 1 2; do D=$x; done\n" +
            "case $1 in (a|b) E=5 ;; esac\n" +
            "F=6\n");
        script.Assignments.Select(a => (a.Name, a.Scope)).Should().Equal(
            ("BACKEND_PORT", ShellScope.Block), ("A", ShellScope.Block), ("B", ShellScope.Block), ("C", ShellScope.Block),
            ("D", ShellScope.Block), ("E", ShellScope.Block), ("F", ShellScope.TopLevel));
    }

    [Test]
    public void Declaration_commands_set_the_kind()
    {
        var script = StartServerScript.Parse("declare -x A=1\ndeclare B=2\nreadonly C=3\nexport -n D\nexport E=5 F='6 7'\n");
        script.Assignments.Select(a => (a.Name, a.Kind, a.Value)).Should().Equal(
            ("A", ShellAssignmentKind.Export, "1"), ("B", ShellAssignmentKind.Declare, "2"), ("C", ShellAssignmentKind.Readonly, "3"),
            ("E", ShellAssignmentKind.Export, "5"), ("F", ShellAssignmentKind.Export, "6 7"));
    }

    [TestCase("K=plain", "plain")]
    [TestCase("K='single # not comment'", "single # not comment")]
    [TestCase("K=\"double \\\"esc\\\" \\$5\"", "double \"esc\" $5")]
    [TestCase("K=a\\ b", "a b")]
    [TestCase("K='con'\"cat\"enated", "concatenated")]
    [TestCase("K=", "")]
    [TestCase("K=\"$HOME/x\"", null)]
    [TestCase("K=${K:-x}", null)]
    [TestCase("K=`date`", null)]
    public void Literal_values_are_decoded_and_expansions_are_computed(string line, string? expected) =>
        Only(StartServerScript.Parse(line + "\n"), "K").Value.Should().Be(expected);

    [Test]
    public void Crlf_line_endings_do_not_leak_into_values() =>
        Only(StartServerScript.Parse(UglyStartScripts.Crlf(UglyStartScripts.Fork)), "BACKEND_PORT").Value.Should().Be("8080");

    [Test]
    public void A_multi_line_quoted_value_records_both_lines()
    {
        var a = Only(StartServerScript.Parse("# c\nK='line one\nline two'\nB=1\n"), "K");
        (a.LineNumber, a.EndLineNumber, a.Value).Should().Be((2, 3, "line one\nline two"));
    }
}
