using Fixxit.Sandbox.Tree;

namespace Fixxit.Sandbox.Specs.Tree;

public sealed class AssignmentsSpecs
{
    private const string Script = "#!/bin/bash\nBACKEND_PORT=8080\nFRONTEND_PORT=5173 # vite\nexport DATABASE_PASSWORD_ENCRYPTION_KEY=\"abc\"\nBACKEND_PORT=\"$BACKEND_PORT\" setsid run --port \"$BACKEND_PORT\" &\n";

    [Test]
    public void Reads_plain_quoted_and_exported_assignments()
    {
        Assignments.Get(Script, "BACKEND_PORT").Should().Be("8080");
        Assignments.Get(Script, "FRONTEND_PORT").Should().Be("5173");
        Assignments.Get(Script, "DATABASE_PASSWORD_ENCRYPTION_KEY").Should().Be("abc");
        Assignments.Get(Script, "MISSING").Should().BeNull();
    }

    [Test]
    public void Setting_a_value_keeps_quoting_export_comments_and_never_touches_a_commands_prefix_assignment()
    {
        var text = Assignments.Set(Assignments.Set(Assignments.Set(Script, "BACKEND_PORT", "8081"), "FRONTEND_PORT", "5174"), "DATABASE_PASSWORD_ENCRYPTION_KEY", "xyz");

        text.Should().Be("#!/bin/bash\nBACKEND_PORT=8081\nFRONTEND_PORT=5174 # vite\nexport DATABASE_PASSWORD_ENCRYPTION_KEY=\"xyz\"\nBACKEND_PORT=\"$BACKEND_PORT\" setsid run --port \"$BACKEND_PORT\" &\n");
    }

    [Test]
    public void A_missing_key_is_appended_and_remove_deletes_it()
    {
        var added = Assignments.Set("A=1\n", "SANDBOX_RESPONSE_DELAY_MS", "2500");

        added.Should().Be("A=1\nSANDBOX_RESPONSE_DELAY_MS=2500\n");
        Assignments.Remove(added, "SANDBOX_RESPONSE_DELAY_MS").Should().Be("A=1\n");
    }
}
