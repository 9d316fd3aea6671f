using Fixxit.FileFormats.ShellScript;

namespace Fixxit.EnvConfig.Specs.ShellScript;

/// <summary>Structure we cannot follow is an error naming the file and the line where the problem starts.</summary>
public sealed class ShellScriptMalformedSpecs
{
    private const string Secret = "s3cr3t-value-do-not-print";

    [TestCase("A=1\nexport KEY=\"" + Secret + "\nB=2\n", 2, "double quote", TestName = "an unclosed double quote")]
    [TestCase("A=1\n\nKEY='" + Secret, 3, "single quote", TestName = "an unclosed single quote")]
    [TestCase("X=$(cat f\nY=1\n", 1, "$(", TestName = "an unclosed command substitution")]
    [TestCase("A=1\nfi\n", 2, "'fi' closes nothing", TestName = "a stray fi")]
    [TestCase("start() {\n  A=1\n", 1, "'{' is never closed", TestName = "an unclosed function body")]
    [TestCase("if true; then\n  A=1\ndone\n", 3, "'done' closes nothing; the innermost open construct is 'if' from line 1", TestName = "done closing an if")]
    [TestCase("case $1 in\n a) A=1 ;;\n", 1, "'case' is never closed", TestName = "an unclosed case")]
    public void Unfollowable_structure_names_file_and_line_without_values(string text, int line, string reason)
    {
        var error = FluentActions.Invoking(() => StartServerScript.Parse(text, "prod/start_server.sh")).Should().Throw<ShellScriptFormatException>().Which;
        (error.FileName, error.LineNumber).Should().Be(("prod/start_server.sh", line));
        error.Message.Should().StartWith($"prod/start_server.sh:{line}: ").And.Contain(reason).And.NotContain(Secret);
    }

    [Test]
    public void A_missing_script_names_its_path() =>
        FluentActions.Invoking(() => StartServerScript.Load("/nonexistent/start_server.sh")).Should().Throw<FileNotFoundException>().WithMessage("*/nonexistent/start_server.sh*");
}
