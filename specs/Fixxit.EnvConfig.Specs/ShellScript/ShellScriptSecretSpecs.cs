using Fixxit.Cryptography;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Masking;

namespace Fixxit.EnvConfig.Specs.ShellScript;

/// <summary>Every definition of a secret is found (to compare with backend/.env) and can be removed cleanly.</summary>
public sealed class ShellScriptSecretSpecs
{
    private const string Key = UglyStartScripts.TestKey;

    [Test]
    public void Every_definition_of_a_secret_is_found_in_any_scope_and_form()
    {
        var script = StartServerScript.Parse(
            "export DATABASE_PASSWORD_ENCRYPTION_KEY=\"" + Key + "\"\n" +
            "start() {\n" +
            "  DATABASE_PASSWORD_ENCRYPTION_KEY='other-key-value' uvicorn app &\n" +
            "}\n" +
            "if [ -z \"${DATABASE_PASSWORD_ENCRYPTION_KEY:-}\" ]; then DATABASE_PASSWORD_ENCRYPTION_KEY=$(cat key.txt); fi\n" +
            "BACKEND_PORT=8080\n");
        var definitions = script.DefinitionsOf(EnvironmentSecrets.EncryptionKeyName);
        definitions.Select(d => (d.LineNumber, d.Kind, d.Scope, d.IsComputed)).Should().Equal(
            (1, ShellAssignmentKind.Export, ShellScope.TopLevel, false),
            (3, ShellAssignmentKind.CommandPrefix, ShellScope.Function, false),
            (5, ShellAssignmentKind.Plain, ShellScope.Block, true));
        definitions[0].Fingerprint.Should().Be(KeyFingerprint.OfKeyText(Key));
        definitions[1].Fingerprint.Should().Be(KeyFingerprint.Of("other-key-value"));
        definitions[2].Fingerprint.Should().BeNull();
        script.SecretDefinitions.Should().HaveCount(3, "BACKEND_PORT is not secret-named");
    }

    [Test]
    public void A_definition_never_shows_its_value_and_the_value_is_masked()
    {
        var value = "sk-" + Guid.NewGuid().ToString("N");
        var script = StartServerScript.Parse($"export OPENAI_API_KEY='{value}'\n");
        var definition = script.SecretDefinitions.Should().ContainSingle().Subject;
        definition.ToString().Should().NotContain(value).And.Contain("start_server.sh:1").And.Contain(definition.Fingerprint!);
        definition.Assignment.ToString().Should().NotContain(value);
        SecretMasker.Shared.Mask(value).Should().Be("***OPENAI_API_KEY***");
    }

    [Test]
    public void A_definition_alone_on_its_line_is_removed_with_the_whole_line()
    {
        var crlf = UglyStartScripts.Crlf(UglyStartScripts.Fork);
        var script = StartServerScript.Parse(crlf);
        script.RemoveDefinitions(EnvironmentSecrets.EncryptionKeyName).Should().Be(1);
        var lines = crlf.Split("\r\n").ToList();
        lines.RemoveAt(7);
        script.ToString().Should().Be(string.Join("\r\n", lines));
        script.DefinitionsOf(EnvironmentSecrets.EncryptionKeyName).Should().BeEmpty();
        script.GetPort("BACKEND_PORT").Port.Should().Be(8080);
    }

    [TestCase("export A=1 KEY_SECRET=x B=2\n", "export A=1 B=2\n", TestName = "one of several exports")]
    [TestCase("KEY_SECRET=x ./run.sh\n", "./run.sh\n", TestName = "a command prefix")]
    [TestCase("A=1\n  export KEY_SECRET='multi\nline'   # old key\nB=2\n", "A=1\nB=2\n", TestName = "a multi-line value with a comment")]
    [TestCase("KEY_SECRET=x;\nA=1", "A=1", TestName = "a trailing semicolon")]
    [TestCase("A=1\nKEY_SECRET=x", "A=1\n", TestName = "the last line without newline")]
    public void A_definition_is_removed_cleanly(string text, string expected)
    {
        var script = StartServerScript.Parse(text);
        script.RemoveDefinitions("KEY_SECRET").Should().Be(1);
        script.ToString().Should().Be(expected);
    }

    [Test]
    public void A_definition_sharing_its_line_with_another_command_is_refused_and_nothing_changes()
    {
        const string text = "KEY_SECRET=a\nA=1; export KEY_SECRET=b\nif true; then KEY_SECRET=c; fi\n";
        var script = StartServerScript.Parse(text);
        var error = FluentActions.Invoking(() => script.RemoveDefinitions("KEY_SECRET")).Should().Throw<ShellScriptEditException>().Which;
        error.LineNumbers.Should().Equal(2, 3);
        script.ToString().Should().Be(text);
    }

    [Test]
    public void Removing_an_absent_variable_changes_nothing() =>
        StartServerScript.Parse("A=1\n").RemoveDefinitions("KEY_SECRET").Should().Be(0);
}
