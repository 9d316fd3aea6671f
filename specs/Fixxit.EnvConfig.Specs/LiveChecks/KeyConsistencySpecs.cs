using System.Text;
using Fixxit.Cryptography;
using Fixxit.EnvConfig.Validation;
using Fixxit.LiveChecks;
using Fixxit.Masking;
using Fixxit.Topologies;

namespace Fixxit.EnvConfig.Specs.LiveChecks;

/// <summary>The key in backend/.env and the one start_server.sh exports must be the same key (FIX002).</summary>
public sealed class KeyConsistencySpecs
{
    private static readonly string KeyA = FernetKey.Generate().ToCanonicalString();
    private static readonly string KeyB = FernetKey.Generate().ToCanonicalString();

    private static string Wrapped(string key) => Convert.ToBase64String(Encoding.ASCII.GetBytes(key));

    private static string DotEnv(string key) => $"# backend settings\r\nWEBUI_URL=https://app.fixxit.ai\r\nDATABASE_PASSWORD_ENCRYPTION_KEY=\"{key}\"\r\n";

    private static string Script(string key) => $"#!/bin/bash\nBACKEND_PORT=8081\nexport DATABASE_PASSWORD_ENCRYPTION_KEY='{key}'\nstart() {{ uvicorn app; }}\n";

    [Test]
    public void The_same_key_in_both_files_is_consistent() =>
        KeyConsistency.Check(DotEnv(KeyA), Script(KeyA), "prod").Should().BeEmpty();

    [Test]
    public void The_same_key_in_the_plans_wrapped_form_in_one_file_is_still_the_same_key()
    {
        KeyConsistency.Check(DotEnv(Wrapped(KeyA)), Script(KeyA), "prod").Should().BeEmpty();
        KeyConsistency.Definitions(DotEnv(Wrapped(KeyA)), Script(KeyA)).Select(d => d.Form).Should().Equal(FernetKeyForm.Base64Wrapped, FernetKeyForm.Canonical);
    }

    [Test]
    public void Different_keys_are_a_fix002_problem_naming_both_places_and_fingerprints_but_no_value()
    {
        var problem = KeyConsistency.Check(DotEnv(KeyA), Script(KeyB), "prod").Should().ContainSingle().Subject;
        problem.Should().Match<ConfigProblem>(p => p.Id == "FIX002" && p.Environment == "prod" && p.Setting == EnvironmentSecrets.EncryptionKeyName);
        problem.Message.Should().Contain("backend/.env:3").And.Contain("start_server.sh:3")
            .And.Contain(KeyFingerprint.OfKeyText(KeyA)).And.Contain(KeyFingerprint.OfKeyText(KeyB))
            .And.Contain("Failed to decrypt password")
            .And.NotContain(KeyA).And.NotContain(KeyB).And.NotContain(KeyA[..20]);
    }

    [Test]
    public void A_script_without_the_key_has_nothing_to_disagree_with() =>
        KeyConsistency.Check(DotEnv(KeyA), "#!/bin/bash\nBACKEND_PORT=8081\n").Should().BeEmpty();

    [Test]
    public void A_key_computed_at_run_time_is_listed_but_cannot_disagree()
    {
        var script = "export DATABASE_PASSWORD_ENCRYPTION_KEY=$(cat /run/secrets/key)\n";
        KeyConsistency.Check(DotEnv(KeyA), script).Should().BeEmpty();
        KeyConsistency.Definitions(DotEnv(KeyA), script).Should().ContainSingle(d => d.File == "start_server.sh")
            .Which.Should().Match<KeyDefinition>(d => d.Fingerprint == null && d.ToString().Contains("computed at run time"));
    }

    [Test]
    public void A_different_key_hidden_in_a_function_or_command_prefix_is_found()
    {
        var script = $"export DATABASE_PASSWORD_ENCRYPTION_KEY='{KeyA}'\nstart() {{\n  DATABASE_PASSWORD_ENCRYPTION_KEY='{KeyB}' uvicorn app &\n}}\n";
        var problem = KeyConsistency.Check(DotEnv(KeyA), script, "prod").Should().ContainSingle().Subject;
        problem.Message.Should().Contain("start_server.sh:3 (set for one command in a function");
    }

    [Test]
    public void Duplicate_definitions_inside_the_env_file_that_disagree_are_reported_too()
    {
        var dotEnv = $"DATABASE_PASSWORD_ENCRYPTION_KEY={KeyA}\nWEBUI_SECRET_KEY=jwt-secret-1\nWEBUI_SECRET_KEY=jwt-secret-2\n";
        var problems = KeyConsistency.Check(dotEnv, "", "dev");
        problems.Should().ContainSingle().Which.Should().Match<ConfigProblem>(p => p.Setting == "WEBUI_SECRET_KEY" && p.Message.Contains("backend/.env:2") && p.Message.Contains("backend/.env:3"));
    }

    [Test]
    public void The_environment_overload_takes_the_name_and_paths_from_the_topology()
    {
        var problem = KeyConsistency.Check(FixxitTopology.Prod, DotEnv(KeyA), Script(KeyB)).Should().ContainSingle().Subject;
        problem.Environment.Should().Be("prod");
        problem.Message.Should().Contain("backend/.env:3").And.Contain("start_server.sh:3");
    }

    [Test]
    public void Values_read_for_the_check_are_masked_in_output()
    {
        KeyConsistency.Check(DotEnv(KeyA), Script(KeyB));
        SecretMasker.Shared.Mask($"{KeyA} {KeyB} {Wrapped(KeyB)}").Should().NotContain(KeyA).And.NotContain(KeyB).And.NotContain(Wrapped(KeyB));
    }
}
