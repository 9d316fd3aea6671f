using Fixxit.FileFormats.DotEnv;

namespace Fixxit.EnvConfig.Specs.DotEnv;

/// <summary>Lines we cannot read safely fail with file and line, and never echo what may be a secret.</summary>
public sealed class DotEnvMalformedSpecs
{
    private const string Secretish = "sk-9f8e7d6c5b4a39281706f5e4";

    [TestCase("A=1\n" + Secretish + "\n", 2, TestName = "a bare word (pasted key) without '='")]
    [TestCase("A=1\nBAD KEY=" + Secretish + "\n", 2, TestName = "a space inside the key")]
    [TestCase("A=1\r\n\r\nKEY=\"" + Secretish + "\r\nB=2\r\n", 3, TestName = "an unterminated double quote")]
    [TestCase("KEY='" + Secretish, 1, TestName = "an unterminated single quote at end of file")]
    [TestCase("A=1\nKEY=\"" + Secretish + "\" tail\n", 2, TestName = "text after the closing quote")]
    [TestCase("\n\n=" + Secretish + "\n", 3, TestName = "no key before '='")]
    [TestCase("1KEY=" + Secretish + "\n", 1, TestName = "a key starting with a digit")]
    [TestCase("export\n", 1, TestName = "export alone")]
    public void A_malformed_line_is_an_error_naming_file_and_line_without_the_value(string text, int line)
    {
        var act = () => DotEnvDocument.Parse(text, "prod/backend/.env");
        var error = act.Should().Throw<DotEnvFormatException>().Which;
        error.FileName.Should().Be("prod/backend/.env");
        error.LineNumber.Should().Be(line);
        error.Message.Should().StartWith($"prod/backend/.env:{line}: ").And.NotContain(Secretish[3..12]);
    }

    [Test]
    public void A_file_that_is_not_utf8_is_an_error_naming_its_line()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"latin1-{Guid.NewGuid():N}.env");
        File.WriteAllBytes(path, [.. "A=1\nB=caf"u8, 0xE9, (byte)'\n']);
        try
        {
            var act = () => DotEnvDocument.Load(path);
            act.Should().Throw<DotEnvFormatException>().Which.Should().Match<DotEnvFormatException>(e => e.LineNumber == 2 && e.FileName == path && e.Message.Contains("UTF-8"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_missing_file_names_its_path()
    {
        var path = "/nonexistent/fixxit/backend/.env";
        var act = () => DotEnvDocument.Load(path);
        act.Should().Throw<FileNotFoundException>().WithMessage($"*{path}*");
    }
}
