using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.FileFormats.DotEnv;
using Fixxit.Masking;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Releases;
using Fixxit.Provisioning.Steps;
using Fixxit.Topologies;

namespace Fixxit.Provisioning.Specs.Unit;

/// <summary>The render of prod's start_server.sh and .env from dev's, on Fixxit's real declaration (no connection needed).</summary>
public sealed class RenderConfigSpecs
{
    private static readonly string Key = FernetKey.Generate().ToCanonicalString();
    private static readonly string OtherKey = FernetKey.Generate().ToCanonicalString();

    static RenderConfigSpecs()
    {
        SecretMasker.Shared.Register(Key, "spec-key");
        SecretMasker.Shared.Register(OtherKey, "spec-other-key");
    }

    private static DeployContext Context() => new()
    {
        Topology = FixxitTopology.Real, Host = FixxitTopology.Server, Target = FixxitTopology.Prod, Source = FixxitTopology.Dev,
        Ssh = null!, Layout = ReleaseLayout.For(FixxitTopology.Prod), Options = new ProvisionerOptions(), Operation = ProvisionOperation.Plan, RunId = "0123456789abcdef",
    };

    private static string Script(string key) => $"#!/bin/bash\nBACKEND_PORT=8080\nFRONTEND_PORT=5173\nexport DATABASE_PASSWORD_ENCRYPTION_KEY=\"{key}\"\nuvicorn --port \"$BACKEND_PORT\"\n";

    private static DotEnvDocument Env(string key) => DotEnvDocument.Parse($"WEBUI_URL=https://dev.fixxit.ai\nDATABASE_PASSWORD_ENCRYPTION_KEY=\"{key}\"\n", "backend/.env");

    [Test]
    public void Both_ports_change_and_a_key_proven_equal_is_kept()
    {
        var notes = new List<string>();

        var script = RenderConfigStep.RenderScript(Context(), Script(Key), Env(Key), notes);

        script.Should().Contain("BACKEND_PORT=8081\n").And.Contain("FRONTEND_PORT=5174\n").And.Contain(Key);
        notes.Should().ContainSingle().Which.Should().Contain("proven equal").And.NotContain(Key);
    }

    [Test]
    public void A_second_definition_that_differs_is_removed_so_the_env_file_is_the_one_source()
    {
        var notes = new List<string>();

        var script = RenderConfigStep.RenderScript(Context(), Script(OtherKey), Env(Key), notes);

        script.Should().NotContain("DATABASE_PASSWORD_ENCRYPTION_KEY").And.NotContain(OtherKey);
        notes.Should().ContainSingle().Which.Should().Contain("removed").And.Contain("FIX002").And.Contain(FernetKey.Parse(OtherKey).Fingerprint);
    }

    [Test]
    public void A_hard_coded_dev_port_left_in_the_script_stops_the_render_naming_the_line()
    {
        var act = () => RenderConfigStep.RenderScript(Context(), Script(Key) + "node vite --port 5173\n", Env(Key), []);

        act.Should().Throw<ProvisioningException>().WithMessage("*line 6*frontend port 5173*FIX001*");
    }

    [Test]
    public void The_env_gets_prods_urls_and_everything_else_is_kept_byte_for_byte()
    {
        var source = "# backend\nWEBUI_URL=https://dev.fixxit.ai\nFRONTEND_BASE_URL='https://dev.fixxit.ai'\nENABLE_SIGNUP=true\n";

        var env = RenderConfigStep.RenderDotEnv(Context(), source);

        env.Should().Be("# backend\nWEBUI_URL=https://app.fixxit.ai\nFRONTEND_BASE_URL='https://app.fixxit.ai'\nENABLE_SIGNUP=true\n");
    }

    [Test]
    public void Another_setting_still_pointing_at_devs_host_stops_the_render()
    {
        var act = () => RenderConfigStep.RenderDotEnv(Context(), "WEBUI_URL=https://dev.fixxit.ai\nOAUTH_REDIRECT_URI=https://dev.fixxit.ai/oauth/callback\n");

        act.Should().Throw<ProvisioningException>().WithMessage("*OAUTH_REDIRECT_URI*dev.fixxit.ai*FIX003*");
    }

    // Formerly the specs of a provisioning-only assignment parser; the render now uses EnvConfig's StartServerScript.
    private const string FormattedScript = "#!/bin/bash\nBACKEND_PORT=8080 # dev\nexport FRONTEND_PORT=\"5173\"\n\nstart() {\n    BACKEND_PORT=\"$BACKEND_PORT\" vite --port \"$FRONTEND_PORT\"\n}\n";

    [Test]
    public void The_render_changes_only_the_values_keeping_export_quotes_and_comment()
    {
        var script = RenderConfigStep.RenderScript(Context(), FormattedScript, Env(Key), []);

        script.Should().Be(FormattedScript.Replace("BACKEND_PORT=8080 # dev", "BACKEND_PORT=8081 # dev").Replace("FRONTEND_PORT=\"5173\"", "FRONTEND_PORT=\"5174\""));
    }

    [Test]
    public void A_prefix_assignment_on_a_command_line_is_not_the_scripts_variable() =>
        RenderConfigStep.RenderScript(Context(), FormattedScript, Env(Key), [])
            .Should().Contain("    BACKEND_PORT=\"$BACKEND_PORT\" vite", "the env prefix of a command is not an assignment of the variable");

    [Test]
    public void A_script_without_the_assignment_is_refused_naming_file_and_variable()
    {
        var act = () => RenderConfigStep.RenderScript(Context(), "#!/bin/bash\nuvicorn --port \"$PORT\"\n", Env(Key), []);

        act.Should().Throw<ProvisioningException>().WithMessage("*/home/ec2-user/fixxit.ai-openwebui-prod/start_server.sh*BACKEND_PORT*8081*");
    }

    [Test]
    public void Every_definition_of_a_differing_key_is_removed_and_nothing_else()
    {
        var text = $"BACKEND_PORT=8080\nFRONTEND_PORT=5173\nexport DATABASE_PASSWORD_ENCRYPTION_KEY=\"{OtherKey}\"\necho $X\nDATABASE_PASSWORD_ENCRYPTION_KEY={OtherKey}\n";

        RenderConfigStep.RenderScript(Context(), text, Env(Key), []).Should().Be("BACKEND_PORT=8081\nFRONTEND_PORT=5174\necho $X\n");
    }

    [Test]
    public void Stray_mentions_of_a_port_are_found_by_line_but_comments_and_longer_numbers_are_not()
    {
        var text = "BACKEND_PORT=8080\nFRONTEND_PORT=5173\n# 8080 in a comment is fine\nuvicorn --port 8080\ncurl localhost:18080\n";
        var act = () => RenderConfigStep.RenderScript(Context(), text, Env(Key), []);

        act.Should().Throw<ProvisioningException>().WithMessage("*line 4 still mentions dev's backend port 8080*");
    }
}
